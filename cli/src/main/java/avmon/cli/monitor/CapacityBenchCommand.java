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
 * {@code avmon monitor-bench capacity}: how many concurrent 720p25 live streams one core analyses in real
 * time, next to how many it decodes in real time, measured in the same run; with CPU seconds and memory per
 * stream-hour. Run it pinned to one quiet core ({@code taskset -c 0}): real-time checks measure the
 * machine as much as the monitor.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Streams one core sustains in real time with full analysis, next to decoding alone, "
                    + "each found by real-time checks in one run; CPU seconds and memory per stream-hour.",
            "About 15 minutes by default (a minute per check); run it on a quiet core:",
            "  taskset -c 0 avmon monitor-bench capacity"})
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

    @Option(names = "--realtime-seconds", paramLabel = "S", defaultValue = "60",
            description = "How long each real-time check runs (default: ${DEFAULT-VALUE}).")
    double realTimeSeconds;

    @Option(names = "--realtime-streams", paramLabel = "N", defaultValue = "0",
            description = {"Check exactly N streams at real time, once decoding alone and once with full analysis;",
                "0 (default) searches for each one's largest count that keeps up."})
    int realTimeStreams;

    @Option(names = "--max-streams", paramLabel = "N", defaultValue = "200",
            description = "Largest count a real-time search tries (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--max-lag", paramLabel = "S", defaultValue = "2",
            description = "Lag a real-time stream may reach and still keep up (default: ${DEFAULT-VALUE}).")
    double maxLag;

    @Option(names = "--segment-seconds", paramLabel = "S", defaultValue = "2",
            description = {"Real-time streams arrive a segment of S seconds at a time, as live HLS does "
                        + "(default: ${DEFAULT-VALUE}); 0 sample by sample, as a frame-by-frame source."})
    double segmentSeconds;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME", description = "Detectors (default: all).")
    List<String> detectorNames;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int n = streams != null ? streams : Runtime.getRuntime().availableProcessors();
        if (n < 1 || seconds <= 0 || realTimeSeconds <= 0 || maxStreams < 1 || realTimeStreams < 0 || segmentSeconds < 0) {
            throw new UserError("--streams, --seconds, --realtime-seconds and --max-streams must be positive,"
                    + " --realtime-streams and --segment-seconds not negative", 2);
        }
        List<Detector<?>> detectors = detectors();
        double loadBefore;
        CapacityBenchmark.Report report;
        try (BenchInput input = BenchInput.open(clip, size, 10, out)) {
            CapacityBenchmark bench = new CapacityBenchmark(new CapacityBenchmark.Settings(input.clip(), n, seconds,
                    realTimeSeconds, Duration.ofMillis((long) (maxLag * 1000)), realTimeStreams, maxStreams,
                    segmentSeconds), detectors, MediaOptions.defaults(), line -> {
                        out.println("... " + line);
                        out.flush();
                    });
            loadBefore = loadAverage();
            report = bench.run();
        }
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
                + detectors.stream().map(Detector::name).toList() + ", " + r.cores() + " core" + (r.cores() == 1 ? "" : "s"));
        out.println("at full speed (CPU time; the estimate each real-time search starts from):");
        out.printf(Locale.ROOT, "%-16s %7s %9s %7s %7s %13s %21s%n", "", "streams", "stream s", "wall s", "CPU s",
                "streams/core", "CPU s / stream-hour");
        row(out, "decode only", r.decodeOnly());
        row(out, "full analysis", r.analysis());
        out.printf(Locale.ROOT, "full analysis / decode only by CPU time: %.3f%n", r.analysisToDecodeRatio());
        out.printf(Locale.ROOT, "in real time (%.0f s per check%s; kept up = none behind and the lag streams settle"
                        + " to between segments grows under %.1f s per minute over the second half):%n", realTimeSeconds,
                segmentSeconds > 0 ? String.format(Locale.ROOT, ", streams arrive in %.0f s segments", segmentSeconds) : "",
                CapacityBenchmark.RealTimeCheck.MAX_LAG_GROWTH_PER_MINUTE);
        // In the order run, the two sides taking turns.
        List<CapacityBenchmark.RealTimeCheck> decoded = r.decodeOnlyRealTime().checks();
        List<CapacityBenchmark.RealTimeCheck> analysed = r.analysisRealTime().checks();
        for (int i = 0; i < Math.max(decoded.size(), analysed.size()); i++) {
            if (i < decoded.size()) {
                realTime("decode only", decoded.get(i), r.cores(), out);
            }
            if (i < analysed.size()) {
                realTime("full analysis", analysed.get(i), r.cores(), out);
            }
        }
        out.println(sustained("decode only", r.decodeOnlyRealTime(), r.cores()));
        out.println(sustained("full analysis", r.analysisRealTime(), r.cores()));
        List<CapacityBenchmark.RealTimeCheck> all = r.analysisRealTime().checks();
        metering(r.analysisRealTime().sustainedCheck().orElse(all.get(all.size() - 1)), out);
        if (Double.isNaN(r.sustainedRatio())) {
            out.println("full analysis / decode only in real time: not measured (decoding alone kept up with no count tried)");
        } else {
            out.printf(Locale.ROOT, "full analysis / decode only in real time: %d / %d = %.3f (target: at least 0.85)%s%n",
                    r.analysisRealTime().sustained(), r.decodeOnlyRealTime().sustained(), r.sustainedRatio(),
                    r.decodeOnlyRealTime().exact() && r.analysisRealTime().exact() ? ""
                            : " - a count is a bound, not pinned: see above");
        }
        out.flush();
    }

    private static String sustained(String side, CapacityBenchmark.RealTimeSearch s, int cores) {
        String on = " on " + cores + " core" + (cores == 1 ? "" : "s");
        if (s.sustained() == 0) {
            return String.format(Locale.ROOT, "sustained, %s: none of the counts tried (%d failed)%s", side, s.failedAt(), on);
        }
        if (s.exact()) {
            return String.format(Locale.ROOT, "sustained, %s: %d streams (%d did not keep up)%s", side, s.sustained(),
                    s.failedAt(), on);
        }
        return String.format(Locale.ROOT, "sustained, %s: at least %d streams%s%s", side, s.sustained(),
                s.failedAt() > 0 ? ", fewer than " + s.failedAt() : " (no larger count tried)", on);
    }

    private void realTime(String side, CapacityBenchmark.RealTimeCheck rt, int cores, PrintWriter out) {
        // Streams behind while the process used all its cores had too little CPU for their count; behind while
        // it was mostly idle, they were held up by other load on the machine (or by waiting), not by analysis.
        String starved = !rt.keptUp() && rt.coresUsed() < STARVED_SHARE * cores
                ? String.format(Locale.ROOT, " (busy only %.2f of its %d core%s while behind: other load on the"
                        + " machine, or waiting; not the CPU the streams need)", rt.coresUsed(), cores, cores == 1 ? "" : "s")
                : "";
        out.printf(Locale.ROOT, "  %-13s %4d streams: worst lag %5.2f s, settled lag grows %+.2f s per minute, %d behind,"
                        + " %.2f cores busy, %.0f CPU s per stream-hour: %s%s%n",
                side, rt.streams(), rt.maxLagSeconds(), rt.lagGrowthPerMinute(), rt.behind(), rt.coresUsed(),
                rt.usage().cpuSecondsPerStreamHour(), rt.keptUp() ? "KEPT UP" : "DID NOT KEEP UP", starved);
    }

    private static void metering(CapacityBenchmark.RealTimeCheck rt, PrintWriter out) {
        ResourceUsage u = rt.usage();
        out.printf(Locale.ROOT, "metering, %d streams with full analysis: CPU seconds per stream-hour %.1f; peak heap %.1f MB;"
                        + " peak resident %.1f MB (%.1f MB per stream over a %.1f MB baseline); %.1f MB per stream in all%n",
                rt.streams(), u.cpuSecondsPerStreamHour(), u.peakHeapBytes() / MB, u.peakResidentBytes() / MB,
                rt.addedMbPerStream(), rt.baselineResidentBytes() / MB, u.memoryMbPerStream());
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
