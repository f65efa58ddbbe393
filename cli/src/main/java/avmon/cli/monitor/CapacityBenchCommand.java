package avmon.cli.monitor;

import avmon.cli.UserError;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.monolith.bench.CapacityBenchmark;
import avmon.monolith.bench.CapacityBenchmark.Throughput;
import avmon.monolith.metering.ResourceUsage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code avmon monitor-bench capacity}: how many concurrent 720p25 streams one core analyses in real time,
 * next to how many it decodes, measured in the same run; with CPU seconds and memory per stream-hour.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Streams one core sustains in real time with full analysis, next to decoding alone,",
            "measured in one run; CPU seconds and memory per stream-hour. About a minute by default."})
public final class CapacityBenchCommand implements Callable<Integer> {

    private static final double MB = 1024.0 * 1024.0;
    /** A process busy less than this share of its cores while its streams fell behind was short of CPU. */
    private static final double STARVED_SHARE = 0.9;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--clip", paramLabel = "FILE", description = "Input to loop (default: a generated 720p25 clip).")
    Path clip;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720",
            description = "Size of the generated clip (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--streams", paramLabel = "N", description = "Streams at once at full speed (default: one per core).")
    Integer streams;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "40",
            description = "Stream time per stream at full speed (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--realtime-seconds", paramLabel = "S", defaultValue = "30",
            description = "How long the real-time check runs (default: ${DEFAULT-VALUE}).")
    double realTimeSeconds;

    @Option(names = "--realtime-streams", paramLabel = "N", defaultValue = "0",
            description = "Streams in the real-time check (default: the full-analysis streams per core measured).")
    int realTimeStreams;

    @Option(names = "--max-lag", paramLabel = "S", defaultValue = "2",
            description = "Lag a real-time stream may reach and still keep up (default: ${DEFAULT-VALUE}).")
    double maxLag;

    @Option(names = "--segment-seconds", paramLabel = "S", defaultValue = "0",
            description = {"Real-time streams arrive a segment of S seconds at a time, as live HLS does;",
                "0 (default) sample by sample, as a frame-by-frame source."})
    double segmentSeconds;

    @Option(names = "--find-sustained",
            description = "When the real-time check fails, try again with 5%% fewer streams, up to four times.")
    boolean findSustained;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME", description = "Detectors (default: all).")
    List<String> detectorNames;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int n = streams != null ? streams : Runtime.getRuntime().availableProcessors();
        if (n < 1 || seconds <= 0 || realTimeSeconds <= 0 || realTimeStreams < 0 || segmentSeconds < 0) {
            throw new UserError("--streams, --seconds and --realtime-seconds must be positive, --segment-seconds not negative", 2);
        }
        Path input = BenchInputs.clip(clip, size, 10, out);
        List<Detector<?>> detectors = detectors();
        CapacityBenchmark bench = new CapacityBenchmark(new CapacityBenchmark.Settings(input, n, seconds, realTimeSeconds,
                Duration.ofMillis((long) (maxLag * 1000)), realTimeStreams, findSustained, segmentSeconds), detectors, MediaOptions.defaults(), line -> {
                    out.println("... " + line);
                    out.flush();
                });
        double loadBefore = loadAverage();
        CapacityBenchmark.Report report = bench.run();
        print(report, detectors, out);
        // The real-time check needs the cores free; CPU-time figures above do not.
        out.printf(Locale.ROOT, "system load average: %.1f at start, %.1f at end (%d cores)%n", loadBefore,
                loadAverage(), Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    private void print(CapacityBenchmark.Report r, List<Detector<?>> detectors, PrintWriter out) {
        out.println();
        out.println("input: " + (clip != null ? clip : size + " 25 fps generated clip") + ", detectors "
                + detectors.stream().map(Detector::name).toList() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        out.printf(Locale.ROOT, "%-16s %7s %9s %7s %7s %13s %21s%n", "", "streams", "stream s", "wall s", "CPU s",
                "streams/core", "CPU s / stream-hour");
        row(out, "decode only", r.decodeOnly());
        row(out, "full analysis", r.analysis());
        out.printf(Locale.ROOT, "full analysis / decode only: %.3f (target: at least 0.85)%n", r.analysisToDecodeRatio());
        for (CapacityBenchmark.RealTimeCheck rt : r.realTimeChecks()) {
            realTime(rt, r.cores(), out);
        }
        int sustained = r.sustainedStreams();
        if (sustained > 0) {
            // No more than the first count was tried when it kept up: the capacity may be higher.
            String bound = r.realTimeChecks().get(0).keptUp() ? "at least " : "";
            out.printf(Locale.ROOT, "sustained in real time: %s%d streams on %d core%s = %s%.3f of decode only (target: at least 0.85)%n",
                    bound, sustained, r.cores(), r.cores() == 1 ? "" : "s", bound, r.sustainedToDecodeRatio());
        } else {
            out.println("sustained in real time: no count tried kept up" + (findSustained ? "" : " (--find-sustained tries fewer)"));
        }
        out.flush();
    }

    private void realTime(CapacityBenchmark.RealTimeCheck rt, int cores, PrintWriter out) {
        ResourceUsage u = rt.usage();
        // Streams behind while the process used all its cores had too little CPU for their count; behind while
        // it was mostly idle, they were held up by other load on the machine (or by waiting), not by analysis.
        String starved = !rt.keptUp() && rt.coresUsed() < STARVED_SHARE * cores
                ? String.format(Locale.ROOT, " (busy only %.2f of its %d core%s while behind: other load on the"
                        + " machine, or waiting; not the CPU the analysis needs)", rt.coresUsed(), cores, cores == 1 ? "" : "s")
                : "";
        out.printf(Locale.ROOT, "real time: %d streams at once for %.0f s%s: worst lag %.2f s, mean lag grows %+.2f s per minute"
                        + " over the second half, %d behind, %.2f cores busy: %s%s%n",
                rt.streams(), realTimeSeconds, segmentSeconds > 0 ? String.format(Locale.ROOT, " (in %.0f s segments)", segmentSeconds) : "",
                rt.maxLagSeconds(), rt.lagGrowthPerMinute(), rt.behind(), rt.coresUsed(),
                rt.keptUp() ? "KEPT UP" : "DID NOT KEEP UP", starved);
        out.printf(Locale.ROOT, "  CPU seconds per stream-hour %.1f; peak heap %.1f MB; peak resident %.1f MB "
                        + "(%.1f MB per stream over a %.1f MB baseline); %.1f MB per stream in all%n",
                u.cpuSecondsPerStreamHour(), u.peakHeapBytes() / MB, u.peakResidentBytes() / MB, rt.addedMbPerStream(),
                rt.baselineResidentBytes() / MB, u.memoryMbPerStream());
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void row(PrintWriter out, String name, Throughput t) {
        out.printf(Locale.ROOT, "%-16s %7d %9.1f %7.1f %7.1f %13.2f %21.1f%n", name, t.streams(), t.streamSeconds(),
                t.wallSeconds(), t.cpuSeconds(), t.streamsPerCore(), t.cpuSecondsPerStreamHour());
    }

    private List<Detector<?>> detectors() {
        try {
            return detectorNames == null ? DetectorSettings.DEFAULTS.detectors()
                    : DetectorSettings.DEFAULTS.detectors(detectorNames);
        } catch (IllegalArgumentException e) {
            throw new UserError("--detectors: " + e.getMessage(), 2);
        }
    }
}
