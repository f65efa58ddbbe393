package avmon.cli.bench;

import avmon.cli.UserError;
import avmon.cli.detect.ThumbnailSize;
import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code avmon bench}: what the detectors cost next to decoding. Generates one stream per size, then in
 * the same run decodes it to analysis thumbnails with the detectors off and with all of them on,
 * alternating the two and repeating, and prints frames per second of each and the overhead of analysis
 * as a ratio of the medians. Both wall time and the decoding thread's CPU time are reported: CPU time is
 * steadier on a shared machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure analysis throughput against pure decoding of the same stream, in one run.")
public final class BenchCommand implements Callable<Integer> {

    /** Target of issue 2: full analysis costs at most 10% more than decoding alone. */
    static final double TARGET_OVERHEAD = 0.10;

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "720p,1080p", paramLabel = "SIZE",
            description = "Picture sizes: 720p, 1080p or WxH (default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "N",
            description = "Length of each generated stream (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
            description = "Measured runs of each kind per size, after one warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--thumb", paramLabel = "WxH", defaultValue = "160x90", converter = ThumbnailSize.Converter.class,
            description = "Size of the gray analysis pictures (default: ${DEFAULT-VALUE}).")
    ThumbnailSize thumbnail;

    @Override
    public Integer call() throws IOException, MediaException {
        if (seconds < 4 || rounds < 1) {
            throw new UserError("--seconds must be at least 4 and --rounds at least 1", 2);
        }
        List<ThumbnailSize> pictureSizes = sizes.stream().map(BenchCommand::pictureSize).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("avmon-bench");
        try {
            MediaOptions options = MediaOptions.defaults().withThumbnailSize(thumbnail.width(), thumbnail.height());
            DecodeBenchmark benchmark = new DecodeBenchmark(options, DetectorSettings.DEFAULTS.detectors());
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < pictureSizes.size(); i++) {
                ThumbnailSize size = pictureSizes.get(i);
                String name = sizes.get(i);
                err.println("bench: generating " + name + " (" + size.width() + "x" + size.height() + ", "
                        + seconds + " s)");
                err.flush();
                GeneratedStream stream = new StreamGenerator().generate(spec(name, size), work);
                BenchResult result = benchmark.run(stream.playlist().toString(), rounds, line -> {
                    err.println("bench: " + name + " " + line);
                    err.flush();
                });
                rows.add(result.row(name));
            }
            out.println(BenchResult.HEADER);
            rows.forEach(out::println);
            out.printf(Locale.ROOT, "target: analysis at most %+.0f%% over decoding alone%n", TARGET_OVERHEAD * 100);
            out.flush();
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    /** A 25 fps stream of the size with a freeze, a black stretch and a silence, so every detector works. */
    private StreamSpec spec(String name, ThumbnailSize size) {
        double third = seconds / 3;
        return StreamSpec.of("bench-" + name, 1).withSize(size.width(), size.height()).withDuration(seconds)
                .with(InjectedDefect.of(DefectType.FREEZE, 1, Math.min(3, third - 1)),
                        InjectedDefect.of(DefectType.BLACK, third + 0.5, Math.min(3, third - 1)),
                        InjectedDefect.of(DefectType.SILENCE, 2 * third, Math.min(3, third - 1)));
    }

    static ThumbnailSize pictureSize(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "720p" -> new ThumbnailSize(1280, 720);
            case "1080p" -> new ThumbnailSize(1920, 1080);
            case "360p" -> new ThumbnailSize(640, 360);
            default -> {
                try {
                    yield new ThumbnailSize.Converter().convert(name);
                } catch (RuntimeException e) {
                    throw new UserError("size '" + name + "' is not 720p, 1080p, 360p or WxH", 2);
                }
            }
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
