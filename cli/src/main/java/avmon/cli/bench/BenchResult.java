package avmon.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one size: decoding alone and decoding with analysis. Overheads are ratios minus one: +0.05
 * means analysis costs 5% more than decoding alone. Three measures of it:
 * <ul>
 *   <li>wall: median frames per second of decoding over median of decoding with analysis;</li>
 *   <li>cpu: the same with the decoding thread's CPU time, which other processes disturb less;</li>
 *   <li>detectors: the detectors' own CPU time per picture, replayed from memory, over the CPU time per
 *       picture of decoding alone. Decoding is identical in both runs, so this is the extra cost itself,
 *       without the noise of subtracting two decodes; it decides whether the target is met.</li>
 * </ul>
 *
 * @param decode                   runs with the detectors off
 * @param analyse                  runs with all detectors on
 * @param detectorCpuNanosPerFrame the detectors' CPU time per picture, without decoding
 */
record BenchResult(List<DecodeBenchmark.Run> decode, List<DecodeBenchmark.Run> analyse,
                   double detectorCpuNanosPerFrame) {

    static final String HEADER = String.format(Locale.ROOT, "%-8s %7s %11s %13s %14s %13s %14s %19s %8s", "size",
            "frames", "decode fps", "analysis fps", "overhead wall", "overhead cpu", "decode cpu/fr",
            "detectors cpu/fr", "target");

    double decodeFps() {
        return median(decode, DecodeBenchmark.Run::wallFps);
    }

    double analysisFps() {
        return median(analyse, DecodeBenchmark.Run::wallFps);
    }

    double wallOverhead() {
        return decodeFps() / analysisFps() - 1;
    }

    double cpuOverhead() {
        return median(decode, DecodeBenchmark.Run::cpuFps) / median(analyse, DecodeBenchmark.Run::cpuFps) - 1;
    }

    /** Median CPU time of decoding one picture (with its audio), in nanoseconds. */
    double decodeCpuNanosPerFrame() {
        return median(decode, run -> (double) run.cpuNanos() / run.frames());
    }

    /** The detectors' CPU time over decoding's, per picture. */
    double detectorOverhead() {
        return detectorCpuNanosPerFrame / decodeCpuNanosPerFrame();
    }

    boolean targetMet() {
        return detectorOverhead() <= BenchCommand.TARGET_OVERHEAD;
    }

    String row(String size) {
        return String.format(Locale.ROOT, "%-8s %7d %11.1f %13.1f %13.1f%% %12.1f%% %11.0f us %8.1f us (%4.1f%%) %8s",
                size, decode.get(0).frames(), decodeFps(), analysisFps(), wallOverhead() * 100, cpuOverhead() * 100,
                decodeCpuNanosPerFrame() / 1e3, detectorCpuNanosPerFrame / 1e3, detectorOverhead() * 100,
                targetMet() ? "met" : "MISSED");
    }

    private static double median(List<DecodeBenchmark.Run> runs, ToDoubleFunction<DecodeBenchmark.Run> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
