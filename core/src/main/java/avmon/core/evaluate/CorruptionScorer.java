package avmon.core.evaluate;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Scores block corruption signals against ground truth, per picture and per defect.
 *
 * <p>A picture is corrupted in the ground truth when its time lies in a {@code block_corruption} range
 * ({@code [start, end)}, an open end running to the end); a signal flags it when its time lies in one of the
 * signal's defects, or, for a metric, when the metric reaches the threshold. Defects are matched with
 * {@link Evaluator}'s rules; detections that match nothing are false alarms.
 */
public final class CorruptionScorer {

    /** One signal's verdict on one stream. */
    private record Verdict(boolean[] flagged, List<Defect> defects) {
    }

    private final Evaluator evaluator;

    public CorruptionScorer(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Each signal's score over all the streams, in the order given. */
    public List<SignalScore> score(List<CorruptionSignal> signals, List<CorruptionObservation> streams) {
        List<SignalScore> scores = new ArrayList<>();
        for (CorruptionSignal signal : signals) {
            scores.add(score(signal, streams));
        }
        return scores;
    }

    private SignalScore score(CorruptionSignal signal, List<CorruptionObservation> streams) {
        if (signal instanceof CorruptionSignal.Unavailable missing) {
            return SignalScore.unavailable(missing.name(), missing.reason());
        }
        if (signal instanceof CorruptionSignal.Thresholded metric) {
            Double threshold = metric.threshold() != null ? metric.threshold() : bestThreshold(metric.metric(), streams);
            if (threshold == null) {
                return SignalScore.unavailable(metric.name(), "no corrupted pictures with " + metric.metric()
                        + " values to choose a threshold on; give one");
            }
            String how = (metric.threshold() != null ? "given" : "best F1 here") + " threshold "
                    + String.format(Locale.ROOT, "%.4f", threshold);
            return tally(metric.name(), how, threshold, streams, obs -> thresholded(obs, metric, threshold));
        }
        if (signal instanceof CorruptionSignal.Detected one) {
            return tally(one.name(), "detector " + one.detector(), null, streams,
                    obs -> fromDefects(obs, merged(obs, List.of(one.detector()), one.name())));
        }
        CorruptionSignal.Either any = (CorruptionSignal.Either) signal;
        return tally(any.name(), "any of " + String.join(", ", any.detectors()), null, streams,
                obs -> fromDefects(obs, merged(obs, any.detectors(), any.name())));
    }

    private SignalScore tally(String name, String note, Double threshold, List<CorruptionObservation> streams,
                              Function<CorruptionObservation, Verdict> judge) {
        int frames = 0;
        int corrupt = 0;
        int flagged = 0;
        int hits = 0;
        int truths = 0;
        int detections = 0;
        int falseAlarms = 0;
        double seconds = 0;
        List<Double> start = new ArrayList<>();
        List<Double> end = new ArrayList<>();
        for (CorruptionObservation obs : streams) {
            Verdict verdict = judge.apply(obs);
            boolean[] truth = covered(obs.frameTimes(), corruptionOf(obs.truth().defects()));
            for (int i = 0; i < truth.length; i++) {
                corrupt += truth[i] ? 1 : 0;
                flagged += verdict.flagged()[i] ? 1 : 0;
                hits += truth[i] && verdict.flagged()[i] ? 1 : 0;
            }
            frames += truth.length;
            seconds += obs.truth().duration();
            StreamScore stream = evaluator.score(corruptionTruth(obs.truth()), verdict.defects());
            truths += stream.matches().size() + stream.missed().size();
            detections += verdict.defects().size();
            falseAlarms += stream.falseDetections().size();
            for (Match match : stream.matches()) {
                start.add(match.startError());
                end.add(match.endError());
            }
        }
        int matched = start.size();
        return new SignalScore(name, note, true, threshold, frames, corrupt, flagged, hits,
                flagged == 0 ? null : (double) hits / flagged, corrupt == 0 ? null : (double) hits / corrupt,
                truths, detections, matched, truths == 0 ? null : (double) matched / truths,
                ErrorSummary.of(start), ErrorSummary.of(end), falseAlarms, seconds / 60);
    }

    /** The corruption defects of the named detectors, merged where they overlap or touch. */
    static List<Defect> merged(CorruptionObservation obs, List<String> detectors, String name) {
        List<Defect> all = obs.defects().stream()
                .filter(d -> d.type() == DefectType.BLOCK_CORRUPTION && detectors.contains(d.detector()))
                .sorted(Comparator.comparingDouble(Defect::start)).toList();
        List<Defect> out = new ArrayList<>();
        Defect open = null;
        for (Defect d : all) {
            if (open != null && (open.end() == null || d.start() <= open.end())) {
                Double end = open.end() == null || d.end() == null ? null : Math.max(open.end(), d.end());
                open = new Defect(DefectType.BLOCK_CORRUPTION, open.start(), end, null, name);
            } else {
                if (open != null) {
                    out.add(open);
                }
                open = new Defect(DefectType.BLOCK_CORRUPTION, d.start(), d.end(), null, name);
            }
        }
        if (open != null) {
            out.add(open);
        }
        return out;
    }

    private static Verdict fromDefects(CorruptionObservation obs, List<Defect> defects) {
        return new Verdict(covered(obs.frameTimes(), defects), defects);
    }

    /** Pictures at or over the threshold, and their runs as defects (open at the end of the stream). */
    private static Verdict thresholded(CorruptionObservation obs, CorruptionSignal.Thresholded metric, double threshold) {
        double[] values = obs.metrics().get(metric.metric());
        double[] times = obs.frameTimes();
        boolean[] flagged = new boolean[times.length];
        List<Defect> defects = new ArrayList<>();
        int runStart = -1;
        for (int i = 0; i <= times.length; i++) {
            boolean on = i < times.length && values != null && values[i] >= threshold;
            if (i < times.length) {
                flagged[i] = on;
            }
            if (on && runStart < 0) {
                runStart = i;
            } else if (!on && runStart >= 0) {
                Double end = i < times.length ? times[i] : null;
                defects.add(new Defect(DefectType.BLOCK_CORRUPTION, times[runStart], end, null, metric.name()));
                runStart = -1;
            }
        }
        return new Verdict(flagged, defects);
    }

    /**
     * The threshold with the highest frame-level F1 over all streams (the higher one on a tie), or null when no
     * corrupted picture has a value.
     */
    static Double bestThreshold(String metric, List<CorruptionObservation> streams) {
        List<double[]> pairs = new ArrayList<>();
        int corrupt = 0;
        for (CorruptionObservation obs : streams) {
            boolean[] truth = covered(obs.frameTimes(), corruptionOf(obs.truth().defects()));
            double[] values = obs.metrics().get(metric);
            for (int i = 0; i < truth.length; i++) {
                corrupt += truth[i] ? 1 : 0;
                if (values != null && !Double.isNaN(values[i])) {
                    pairs.add(new double[] {values[i], truth[i] ? 1 : 0});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> p[0]).reversed());
        Double best = null;
        double bestF1 = 0;
        int hits = 0;
        int flagged = 0;
        for (int i = 0; i < pairs.size(); i++) {
            flagged++;
            hits += (int) pairs.get(i)[1];
            boolean lastOfValue = i + 1 == pairs.size() || pairs.get(i + 1)[0] != pairs.get(i)[0];
            if (lastOfValue && hits > 0) {
                double f1 = 2.0 * hits / (flagged + corrupt);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    best = pairs.get(i)[0];
                }
            }
        }
        return best;
    }

    /** Which pictures lie inside one of the defects ({@code [start, end)}, open ends to the end). */
    static boolean[] covered(double[] times, List<Defect> defects) {
        boolean[] inside = new boolean[times.length];
        for (Defect d : defects) {
            for (int i = 0; i < times.length; i++) {
                if (times[i] >= d.start() - 1e-6 && (d.end() == null || times[i] < d.end() - 1e-6)) {
                    inside[i] = true;
                }
            }
        }
        return inside;
    }

    private static List<Defect> corruptionOf(List<Defect> defects) {
        return defects.stream().filter(d -> d.type() == DefectType.BLOCK_CORRUPTION).toList();
    }

    private static GroundTruth corruptionTruth(GroundTruth truth) {
        return new GroundTruth(truth.streamId(), truth.seed(), truth.duration(), truth.frameRate(),
                truth.segmentDuration(), truth.hasVideo(), truth.hasAudio(), truth.syncPattern(),
                corruptionOf(truth.defects()));
    }
}
