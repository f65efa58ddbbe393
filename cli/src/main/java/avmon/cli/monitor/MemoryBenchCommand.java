package avmon.cli.monitor;

import avmon.cli.UserError;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.monolith.bench.HeapSoak;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code avmon monitor-bench memory}: runs a long stream (a clip looped) through the monitor at full speed
 * and prints the heap after a full collection, and resident memory, as stream time goes by.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Heap after GC and resident memory over a long stream (default 30 minutes of stream time).")
public final class MemoryBenchCommand implements Callable<Integer> {

    private static final double MB = 1024.0 * 1024.0;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--clip", paramLabel = "FILE", description = "Input to loop (default: a generated clip).")
    Path clip;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "320x180",
            description = "Size of the generated clip (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "30",
            description = "Stream time per stream, in minutes (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--streams", paramLabel = "N", defaultValue = "1", description = "Streams at once (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--every", paramLabel = "S", defaultValue = "120",
            description = "Seconds of stream time between samples (default: ${DEFAULT-VALUE}).")
    double every;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (minutes <= 0 || streams < 1 || every <= 0) {
            throw new UserError("--minutes, --streams and --every must be positive", 2);
        }
        List<HeapSoak.Sample> samples;
        try (BenchInput input = BenchInput.open(clip, size, 20, out)) {
            out.printf(Locale.ROOT, "%d stream%s x %.0f min of stream time, max heap %.0f MB%n", streams,
                    streams == 1 ? "" : "s", minutes, Runtime.getRuntime().maxMemory() / MB);
            out.printf(Locale.ROOT, "%12s %18s %14s%n", "stream time", "heap after GC MB", "resident MB");
            out.flush();
            HeapSoak soak = new HeapSoak(input.clip(), streams, minutes * 60, every,
                    DetectorSettings.DEFAULTS.detectors(), MediaOptions.defaults());
            samples = soak.run(s -> {
                out.printf(Locale.ROOT, "%10.0f s %18.2f %14.1f%n", s.streamSeconds(), s.heapAfterGcBytes() / MB,
                        s.residentBytes() / MB);
                out.flush();
            });
        }
        if (samples.size() >= 2) {
            // The first sample is usually taken before the streams are warm; compare from the second if there is one.
            HeapSoak.Sample first = samples.get(samples.size() >= 3 ? 1 : 0);
            HeapSoak.Sample last = samples.get(samples.size() - 1);
            out.printf(Locale.ROOT, "heap after GC from %.0f s to %.0f s: %.2f MB -> %.2f MB (%+.2f MB); "
                            + "resident %.1f MB -> %.1f MB (%+.1f MB)%n",
                    first.streamSeconds(), last.streamSeconds(), first.heapAfterGcBytes() / MB,
                    last.heapAfterGcBytes() / MB, (last.heapAfterGcBytes() - first.heapAfterGcBytes()) / MB,
                    first.residentBytes() / MB, last.residentBytes() / MB,
                    (last.residentBytes() - first.residentBytes()) / MB);
        }
        out.flush();
        return 0;
    }
}
