package avmon.cli.model;

import java.util.List;
import java.util.Map;

/**
 * Measured runs built by hand for the model's and the report's tests. The realistic one: two streams of 60 s
 * (120 s of stream time, 1/30 of a stream-hour), 2 s segments (60 of them), 25 pictures/s (3,000 pictures),
 * five detectors (four read pictures, two read audio: 300 detector runs).
 */
public final class SampleRuns {

    /** The five detectors of the generated suite: freeze, black, decoder_errors read pictures; silence audio; av_sync both. */
    public static final List<String> DETECTORS = List.of("freeze", "black", "silence", "av_sync", "decoder_errors");

    private SampleRuns() {
    }

    /** The realistic run: 11 transitions per 2 s segment (one per detector, six more), one PUT per picture. */
    public static MeasuredRun realistic() {
        return scaled(1, 1, List.of());
    }

    /**
     * The realistic run with the serverless counts multiplied by {@code serverless} and the monolith's CPU by
     * {@code monolithCpu}.
     */
    public static MeasuredRun scaled(double serverless, double monolithCpu, List<MeasuredRun.DetectionCheck> checks) {
        var workload = new MeasuredRun.Workload(2, 120, 2, 25, DETECTORS, 300, "160x90");
        Map<String, MeasuredRun.FunctionCounts> functions = Map.of(
                "avmon-converter", new MeasuredRun.FunctionCounts(60, 2, l(30_000 * serverless), 30 * serverless, 1024),
                "avmon-detector", new MeasuredRun.FunctionCounts(300, 2, l(30_000 * serverless), 15 * serverless, 512),
                "avmon-notifier", new MeasuredRun.FunctionCounts(4, 2, l(200 * serverless), 0.05 * serverless, 256));
        var s = new MeasuredRun.ServerlessCounts(2, l(660 * serverless), l(660 * serverless),
                Map.of("PutObject", l(3120 * serverless), "GetObject", l(12_120 * serverless)),
                l(3120 * serverless), l(12_120 * serverless), l(3000 * serverless), l(60 * serverless),
                l(60 * serverless), l(100L * 1024 * 1024 * serverless), 364, 6, l(60_200 * serverless),
                45.05 * serverless, functions, 4, 4);
        var m = new MeasuredRun.MonolithCounts(2, 60, 6 * monolithCpu, 50, 340, 0, 0, 4, 4);
        return new MeasuredRun(workload, s, m, checks);
    }

    private static long l(double v) {
        return Math.round(v);
    }
}
