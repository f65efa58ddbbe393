package avmon.cli.bench;

import avmon.core.detect.Detector;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes one source repeatedly, with and without the detectors, alternating the two so that a slow
 * patch of the machine hits both alike.
 */
final class DecodeBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final MediaOptions options;
    private final List<Detector<?>> detectors;

    DecodeBenchmark(MediaOptions options, List<Detector<?>> detectors) {
        this.options = options;
        this.detectors = detectors;
    }

    /** One warm-up of each kind, then {@code rounds} measured runs of each, in alternating order. */
    BenchResult run(String source, int rounds, Consumer<String> progress) throws MediaException {
        measure(source, false);
        measure(source, true);
        List<Run> decode = new ArrayList<>();
        List<Run> analyse = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            boolean analyseFirst = r % 2 == 1;
            Run first = measure(source, analyseFirst);
            Run second = measure(source, !analyseFirst);
            (analyseFirst ? analyse : decode).add(first);
            (analyseFirst ? decode : analyse).add(second);
            progress.accept(String.format(java.util.Locale.ROOT, "round %d/%d: decode %.1f fps, analysis %.1f fps",
                    r + 1, rounds, decode.get(r).wallFps(), analyse.get(r).wallFps()));
        }
        return new BenchResult(decode, analyse, detectorCpuNanosPerFrame(source, 2 * rounds + 1));
    }

    /**
     * The detectors' own CPU time per picture, without decoding: the source is decoded once into memory,
     * then its samples go through a fresh analyzer {@code passes} times; the median pass counts. Thread CPU
     * time of a pass that does nothing but analysis is far steadier than the difference of two decodes.
     */
    double detectorCpuNanosPerFrame(String source, int passes) throws MediaException {
        List<MediaSample> samples = new ArrayList<>();
        long frames = 0;
        double endTime;
        try (MediaStream stream = FfmpegMediaStream.open(source, options)) {
            for (MediaSample sample = stream.next(); sample != null; sample = stream.next()) {
                samples.add(sample);
                frames += sample instanceof AnalysisFrame ? 1 : 0;
            }
            endTime = stream.endTime();
        }
        double[] perFrame = new double[passes];
        for (int p = 0; p < passes; p++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            StreamAnalyzer analyzer = new StreamAnalyzer(detectors, defect -> { });
            samples.forEach(analyzer::accept);
            analyzer.end(endTime);
            perFrame[p] = (double) (THREADS.getCurrentThreadCpuTime() - cpuStart) / frames;
        }
        java.util.Arrays.sort(perFrame);
        return perFrame[passes / 2];
    }

    /** Decodes the whole source once; with {@code analyse}, every sample also goes through the detectors. */
    Run measure(String source, boolean analyse) throws MediaException {
        long wallStart = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long frames = 0;
        try (MediaStream stream = FfmpegMediaStream.open(source, options)) {
            StreamAnalyzer analyzer = analyse ? new StreamAnalyzer(detectors, defect -> { }) : null;
            for (MediaSample sample = stream.next(); sample != null; sample = stream.next()) {
                if (sample instanceof AnalysisFrame) {
                    frames++;
                }
                if (analyzer != null) {
                    analyzer.accept(sample);
                }
            }
            if (analyzer != null) {
                analyzer.end(stream.endTime());
            }
        }
        return new Run(frames, System.nanoTime() - wallStart, THREADS.getCurrentThreadCpuTime() - cpuStart);
    }

    /**
     * One decode of the whole source.
     *
     * @param frames    pictures decoded
     * @param wallNanos elapsed time
     * @param cpuNanos  CPU time of the decoding thread
     */
    record Run(long frames, long wallNanos, long cpuNanos) {
        double wallFps() {
            return frames * 1e9 / wallNanos;
        }

        double cpuFps() {
            return frames * 1e9 / cpuNanos;
        }
    }
}
