package avmon.cli.corruption;

import avmon.cli.UserError;
import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.CorruptionModelDetector;
import avmon.core.corruption.FramePair;
import avmon.core.corruption.ModelDescription;
import avmon.core.detect.DefectType;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.DecodeFloor;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avmon model-bench}: what the block-corruption model costs next to decoding, on one core, in one run.
 * Generates a 720p stream, then alternates rounds of pure decoding (FFmpeg's decoder and nothing else) with
 * rounds of the model over the same stream's analysis pictures, one picture per call and in batches, and prints
 * the medians per picture and the model's cost as a share of decoding. PyTorch is held to one thread, so the
 * calling thread's CPU time is all the model's work.
 */
@Command(name = "model-bench", mixinStandardHelpOptions = true,
        description = {"Measure the corruption model's inference cost per picture and per batch next to the "
                    + "cost of decoding a 720p picture, on one core, in one run."})
public final class ModelBenchCommand implements Callable<Integer> {

    /** Target of issue 4: the model adds at most 20% to decoding a 720p picture. */
    static final double TARGET_SHARE = 0.20;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "8", paramLabel = "N",
            description = "Length of the generated 720p stream (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
            description = "Measured rounds of each kind, after one warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch", defaultValue = "" + CorruptionModelDetector.BATCH, paramLabel = "N",
            description = {"Pictures per batch for the batched measurement (default: ${DEFAULT-VALUE}, what the "
                        + "detector judges in one call)."})
    int batch;

    @Override
    public Integer call() throws IOException, MediaException {
        if (seconds < 2 || rounds < 1 || batch < 1) {
            throw new UserError("--seconds must be at least 2, --rounds and --batch at least 1", 2);
        }
        // One core: intra-op work then runs on the calling thread, where its CPU time is measured.
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CorruptionModel model = CorruptionModel.shared();
        Path work = Files.createTempDirectory("avmon-model-bench");
        try {
            err.println("model-bench: generating a 1280x720 stream of " + seconds + " s");
            err.flush();
            StreamSpec streamSpec = StreamSpec.of("model-bench", 1).withDuration(seconds).videoOnly()
                    .with(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, seconds / 2, 0.5));
            GeneratedStream stream = new StreamGenerator().generate(streamSpec, work);
            String source = stream.playlist().toString();
            List<AnalysisFrame> frames = frames(source, model.description());
            List<FramePair> pairs = pairs(frames);
            double[] decode = new double[rounds];
            double[] single = new double[rounds];
            double[] batched = new double[rounds];
            double[] detector = new double[rounds];
            decodeCpu(source);
            singleCpu(model, pairs);
            batchedCpu(model, pairs);
            detectorCpu(model, frames);
            for (int r = 0; r < rounds; r++) {
                decode[r] = decodeCpu(source);
                single[r] = singleCpu(model, pairs);
                batched[r] = batchedCpu(model, pairs);
                detector[r] = detectorCpu(model, frames);
                err.printf(Locale.ROOT, "model-bench: round %d/%d: decode %.3f ms, model %.3f ms, batched %.3f ms,"
                        + " detector %.3f ms per picture%n", r + 1, rounds, decode[r], single[r], batched[r], detector[r]);
                err.flush();
            }
            double d = median(decode);
            double s = median(single);
            double b = median(batched);
            double m = median(detector);
            out.printf(Locale.ROOT, "pictures: %d (1280x720 H.264), model input %dx%d, one thread, CPU ms per picture, median of %d%n",
                    pairs.size(), model.description().inputWidth(), model.description().inputHeight(), rounds);
            out.printf(Locale.ROOT, "%-28s %10s %12s%n", "", "ms/picture", "of decoding");
            out.printf(Locale.ROOT, "%-28s %10.3f %11.1f%%%n", "decode 720p (floor)", d, 100.0);
            out.printf(Locale.ROOT, "%-28s %10.3f %11.1f%%%n", "model, one picture per call", s, 100 * s / d);
            out.printf(Locale.ROOT, "%-28s %10.3f %11.1f%%%n", "model, batches of " + batch, b, 100 * b / d);
            out.printf(Locale.ROOT, "%-28s %10.3f%n", "model, per batch of " + batch, b * batch);
            out.printf(Locale.ROOT, "%-28s %10.3f %11.1f%%%n", "detector in a StreamAnalyzer", m, 100 * m / d);
            out.printf(Locale.ROOT, "target: the model adds at most %.0f%% to decoding: %s as the detector runs it"
                            + " (batches of %d), %s one picture per call%n", TARGET_SHARE * 100,
                    m / d <= TARGET_SHARE ? "met" : "NOT met", CorruptionModelDetector.BATCH,
                    s / d <= TARGET_SHARE ? "met" : "NOT met");
            out.flush();
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    /** The stream's pictures at the model's input size. */
    private static List<AnalysisFrame> frames(String source, ModelDescription d) throws MediaException {
        MediaOptions options = MediaOptions.defaults().withThumbnailSize(d.inputWidth(), d.inputHeight()).withAudio(false);
        List<AnalysisFrame> frames = new ArrayList<>();
        try (MediaStream media = FfmpegMediaStream.open(source, options)) {
            for (MediaSample s = media.next(); s != null; s = media.next()) {
                if (s instanceof AnalysisFrame f) {
                    frames.add(f);
                }
            }
        }
        return frames;
    }

    /** Each picture with the one before it. */
    private static List<FramePair> pairs(List<AnalysisFrame> frames) {
        List<FramePair> pairs = new ArrayList<>();
        byte[] previous = null;
        for (AnalysisFrame f : frames) {
            pairs.add(new FramePair(f.width(), f.height(), f.luma(), previous == null ? f.luma() : previous));
            previous = f.luma();
        }
        return pairs;
    }

    /** The detector as the monitors run it: in a StreamAnalyzer, which hands it batches. */
    private static double detectorCpu(CorruptionModel model, List<AnalysisFrame> frames) {
        long start = THREADS.getCurrentThreadCpuTime();
        StreamAnalyzer analyzer = new StreamAnalyzer(
                List.of(new CorruptionModelDetector(model, CorruptionModelDetector.Settings.DEFAULTS)), defect -> { });
        frames.forEach(analyzer::accept);
        analyzer.end(frames.get(frames.size() - 1).time());
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / frames.size();
    }

    private static double decodeCpu(String source) throws MediaException {
        long start = THREADS.getCurrentThreadCpuTime();
        long pictures = DecodeFloor.decode(source, false).pictures();
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / pictures;
    }

    private static double singleCpu(CorruptionModel model, List<FramePair> pairs) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (FramePair p : pairs) {
            model.probability(p);
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / pairs.size();
    }

    private double batchedCpu(CorruptionModel model, List<FramePair> pairs) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int from = 0; from < pairs.size(); from += batch) {
            model.probabilities(pairs.subList(from, Math.min(pairs.size(), from + batch)));
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / pairs.size();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
