package avmon.core.evaluate;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detectors scored against ground truth over a set of streams: one row per defect type, the per-stream
 * detail (matches, false detections, misses), block corruption per signal, and the streams that could not be
 * read.
 *
 * @param types          one score per defect type, in {@link DefectType} order
 * @param streams        per-stream detail
 * @param failures       streams that could not be evaluated
 * @param blockCorruption block corruption per signal (decoder errors, model, combined, blockdetect), per picture
 *                       and per defect
 */
public record EvaluationReport(List<TypeScore> types, List<StreamScore> streams, List<StreamFailure> failures,
                               List<SignalScore> blockCorruption) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        types = List.copyOf(types);
        streams = List.copyOf(streams);
        failures = List.copyOf(failures);
        blockCorruption = List.copyOf(blockCorruption);
    }

    /** Totals the stream scores per type. */
    public static EvaluationReport of(List<StreamScore> streams, List<StreamFailure> failures) {
        List<TypeScore> types = new ArrayList<>();
        for (DefectType type : DefectType.values()) {
            types.add(typeScore(type, streams));
        }
        return new EvaluationReport(types, streams, failures, List.of());
    }

    /** The same report with block corruption scored per signal. */
    public EvaluationReport withBlockCorruption(List<SignalScore> signals) {
        return new EvaluationReport(types, streams, failures, signals);
    }

    /** The score of one block corruption signal. */
    public SignalScore signal(String name) {
        return blockCorruption.stream().filter(s -> s.signal().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no block corruption signal " + name));
    }

    /** The score of one type. */
    public TypeScore type(DefectType type) {
        return types.stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    /** The per-type table, errors in milliseconds as mean / max of absolute values. */
    public String toTable() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-17s %6s %6s %7s %9s %7s %15s %15s %15s%n", "type", "truths",
                "found", "matched", "precision", "recall", "start ms mn/mx", "end ms mn/mx", "value ms mn/mx"));
        for (TypeScore t : types) {
            table.append(String.format(Locale.ROOT, "%-17s %6d %6d %7d %9s %7s %15s %15s %15s%n", t.type().jsonName(),
                    t.truths(), t.detections(), t.matched(), ratio(t.precision()), ratio(t.recall()),
                    millis(t.startError()), millis(t.endError()), millis(t.valueError())));
        }
        if (!blockCorruption.isEmpty()) {
            table.append('\n').append(signalTable());
        }
        for (StreamFailure failure : failures) {
            table.append("failed: ").append(failure.streamId()).append(": ").append(failure.message()).append('\n');
        }
        return table.toString();
    }

    /** Block corruption per signal: pictures (precision, recall), defects (recall, start and end errors), false alarms. */
    public String signalTable() {
        StringBuilder table = new StringBuilder("block corruption per signal (frames: pictures; defects: runs)\n");
        table.append(String.format(Locale.ROOT, "%-20s %7s %7s %7s %9s %7s %8s %15s %15s %6s %7s  %s%n",
                "signal", "frames", "corrupt", "flagged", "precision", "recall", "defects", "start ms mn/mx",
                "end ms mn/mx", "false", "per min", "note"));
        for (SignalScore s : blockCorruption) {
            if (!s.available()) {
                table.append(String.format(Locale.ROOT, "%-20s %s%n", s.signal(), "not available: " + s.note()));
                continue;
            }
            table.append(String.format(Locale.ROOT, "%-20s %7d %7d %7d %9s %7s %8s %15s %15s %6d %7s  %s%n",
                    s.signal(), s.frames(), s.corruptFrames(), s.flaggedFrames(), ratio(s.framePrecision()),
                    ratio(s.frameRecall()), s.matched() + "/" + s.truths(), millis(s.startError()),
                    millis(s.endError()), s.falseAlarms(), ratio(s.falseAlarmsPerMinute()), s.note()));
        }
        return table.toString();
    }

    /** The whole report as indented JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evaluation report cannot be written as JSON", e);
        }
    }

    /** Writes {@link #toJson()} to a file. */
    public void writeJson(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    private static TypeScore typeScore(DefectType type, List<StreamScore> streams) {
        int truths = 0;
        int detections = 0;
        List<Double> start = new ArrayList<>();
        List<Double> end = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        for (StreamScore stream : streams) {
            for (Match match : stream.matches()) {
                if (match.truth().type() == type) {
                    start.add(match.startError());
                    end.add(match.endError());
                    if (match.valueError() != null) {
                        value.add(match.valueError());
                    }
                }
            }
            truths += count(stream.missed(), type);
            detections += count(stream.falseDetections(), type);
        }
        int matched = start.size();
        truths += matched;
        detections += matched;
        return new TypeScore(type, truths, detections, matched,
                detections == 0 ? null : (double) matched / detections,
                truths == 0 ? null : (double) matched / truths,
                ErrorSummary.of(start), ErrorSummary.of(end), ErrorSummary.of(value));
    }

    private static int count(List<Defect> defects, DefectType type) {
        return (int) defects.stream().filter(d -> d.type() == type).count();
    }

    private static String ratio(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String millis(ErrorSummary errors) {
        return errors.count() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f/%.1f", errors.meanAbs() * 1000, errors.maxAbs() * 1000);
    }
}
