package avmon.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one size: decoding alone and decoding with analysis. The overhead is the ratio of the median
 * times per frame, minus one: +0.05 means analysis costs 5% more than decoding alone.
 *
 * @param decode  runs with the detectors off
 * @param analyse runs with all detectors on
 */
record BenchResult(List<DecodeBenchmark.Run> decode, List<DecodeBenchmark.Run> analyse) {

    static final String HEADER = String.format(Locale.ROOT, "%-8s %7s %11s %13s %14s %13s %16s %8s", "size",
            "frames", "decode fps", "analysis fps", "overhead wall", "overhead cpu", "detectors/frame", "target");

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

    /** Median time the detectors took per picture (audio included), in microseconds. */
    double detectorMicrosPerFrame() {
        return median(analyse, run -> run.detectorNanos() / 1e3 / run.frames());
    }

    /**
     * Whether analysis stayed within the target. The CPU-time ratio decides: on a shared machine wall time
     * also measures the neighbours.
     */
    boolean targetMet() {
        return cpuOverhead() <= BenchCommand.TARGET_OVERHEAD;
    }

    String row(String size) {
        return String.format(Locale.ROOT, "%-8s %7d %11.1f %13.1f %13.1f%% %12.1f%% %13.1f us %8s", size,
                decode.get(0).frames(), decodeFps(), analysisFps(), wallOverhead() * 100, cpuOverhead() * 100,
                detectorMicrosPerFrame(), targetMet() ? "met" : "MISSED");
    }

    private static double median(List<DecodeBenchmark.Run> runs, ToDoubleFunction<DecodeBenchmark.Run> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
