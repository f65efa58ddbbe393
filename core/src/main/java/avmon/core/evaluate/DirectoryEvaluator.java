package avmon.core.evaluate;

import avmon.core.detect.Defect;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.MediaException;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Evaluates the detectors on a directory of streams with ground truth, laid out as
 * {@code <dir>/<streamId>/index.m3u8} (or, for a stream in one file, {@code <dir>/<streamId>/stream.<ext>} in any
 * container FFmpeg reads) beside {@code <dir>/<streamId>/truth.json}: each stream is decoded and
 * analysed in one piece, then scored. A stream that cannot be read is listed as a failure, not skipped.
 * Block corruption is also scored per signal ({@link CorruptionSignals}), per picture and per defect.
 */
public final class DirectoryEvaluator {

    /** Opens a source (path or URL) for decoding. */
    @FunctionalInterface
    public interface StreamOpener {
        MediaStream open(String source) throws MediaException;
    }

    /** The playlist of a stream inside its directory. */
    public static final String PLAYLIST = "index.m3u8";
    /** The name, without extension, of a stream kept in one media file instead of a playlist. */
    public static final String SINGLE_FILE = "stream";
    /** The ground truth of a stream inside its directory. */
    public static final String TRUTH = "truth.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one decode of a stream gave: the defects, and each picture's index and time. */
    private record Observed(List<Defect> defects, long[] frameIndices, double[] frameTimes) {
    }

    private final DetectorSettings settings;
    private final StreamOpener opener;
    private final Evaluator evaluator;
    private final CorruptionSignals corruption;

    /** Scores block corruption with the decoder-error signal alone. */
    public DirectoryEvaluator(DetectorSettings settings, StreamOpener opener, Evaluator evaluator) {
        this(settings, opener, evaluator, CorruptionSignals.decoderErrorsOnly());
    }

    public DirectoryEvaluator(DetectorSettings settings, StreamOpener opener, Evaluator evaluator,
                              CorruptionSignals corruption) {
        this.settings = settings;
        this.opener = opener;
        this.evaluator = evaluator;
        this.corruption = corruption;
    }

    /**
     * Evaluates every stream under {@code dir}; {@code progress} hears one line per stream.
     *
     * @throws IOException when the directory cannot be listed or holds no stream with ground truth
     */
    public EvaluationReport evaluate(Path dir, Consumer<String> progress) throws IOException {
        List<Path> streamDirs = streamDirectories(dir);
        List<StreamScore> scores = new ArrayList<>();
        List<StreamFailure> failures = new ArrayList<>();
        List<CorruptionObservation> observations = new ArrayList<>();
        int done = 0;
        for (Path streamDir : streamDirs) {
            String id = streamDir.getFileName().toString();
            progress.accept("[" + ++done + "/" + streamDirs.size() + "] " + id);
            GroundTruth truth;
            Path playlist;
            try {
                truth = readTruth(streamDir.resolve(TRUTH));
                playlist = mediaOf(streamDir);
            } catch (IOException e) {
                failures.add(new StreamFailure(id, e.getMessage()));
                continue;
            }
            try {
                Observed observed = observe(playlist);
                scores.add(evaluator.score(truth, observed.defects()));
                if (truth.hasVideo()) {
                    observations.add(new CorruptionObservation(truth, observed.frameTimes(), observed.defects(),
                            metrics(playlist, observed.frameIndices())));
                }
            } catch (MediaException e) {
                failures.add(new StreamFailure(id, e.getMessage()));
            }
        }
        return EvaluationReport.of(scores, failures)
                .withBlockCorruption(new CorruptionScorer(evaluator).score(corruption.signals(), observations));
    }

    /** Analyses one source in one piece with the detectors its content allows. */
    public List<Defect> analyse(Path playlist) throws MediaException {
        return observe(playlist).defects();
    }

    private Observed observe(Path playlist) throws MediaException {
        List<Defect> found = new ArrayList<>();
        // Index and time only: the pictures themselves would hold minutes of video in memory.
        List<Long> indices = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        try (MediaStream stream = opener.open(playlist.toString())) {
            List<Detector<?>> detectors = DetectorSettings.applicable(settings.detectors(detectorNames()),
                    stream.info().hasVideo(), stream.info().hasAudio());
            StreamAnalyzer analyzer = new StreamAnalyzer(detectors, found::add);
            for (MediaSample sample = stream.next(); sample != null; sample = stream.next()) {
                analyzer.accept(sample);
                if (sample instanceof AnalysisFrame frame) {
                    indices.add(frame.index());
                    times.add(frame.time());
                }
            }
            analyzer.end(stream.endTime());
        }
        return new Observed(found, indices.stream().mapToLong(Long::longValue).toArray(),
                times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The classical detectors, then those the corruption signals add. */
    private List<String> detectorNames() {
        List<String> names = new ArrayList<>(DetectorSettings.NAMES);
        corruption.detectors().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    private Map<String, double[]> metrics(Path playlist, long[] frameIndices) throws MediaException {
        return corruption.needsMetrics() ? corruption.metrics().measure(playlist.toString(), frameIndices) : Map.of();
    }

    /** The stream's playlist, or its one media file; the playlist when there is none (its open fails clearly). */
    static Path mediaOf(Path streamDir) throws IOException {
        Path playlist = streamDir.resolve(PLAYLIST);
        if (Files.isRegularFile(playlist)) {
            return playlist;
        }
        try (Stream<Path> files = Files.list(streamDir)) {
            List<Path> single = files.filter(p -> p.getFileName().toString().startsWith(SINGLE_FILE + "."))
                    .filter(Files::isRegularFile).toList();
            if (single.size() > 1) {
                throw new IOException(streamDir + " holds several " + SINGLE_FILE + ".* files: " + single);
            }
            return single.isEmpty() ? playlist : single.get(0);
        }
    }

    /**
     * Reads a {@code truth.json}.
     *
     * @throws IOException saying which file when it cannot be read or parsed
     */
    public static GroundTruth readTruth(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), GroundTruth.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> streamDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        List<Path> streams;
        try (Stream<Path> children = Files.list(dir)) {
            streams = children.filter(p -> Files.isRegularFile(p.resolve(TRUTH))).sorted().toList();
        }
        if (streams.isEmpty()) {
            throw new IOException("no streams with ground truth (<id>/" + TRUTH + ") in " + dir);
        }
        return streams;
    }
}
