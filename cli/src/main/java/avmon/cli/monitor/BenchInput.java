package avmon.cli.monitor;

import avmon.cli.UserError;
import avmon.monolith.bench.BenchClip;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The clip a benchmark loops: the one given, or one generated for the run in a temporary folder that
 * {@link #close()} deletes, so that runs (and the tests that make them) leave nothing in the temporary
 * directory.
 */
final class BenchInput implements AutoCloseable {

    private final Path clip;
    private final Path generatedFolder;

    private BenchInput(Path clip, Path generatedFolder) {
        this.clip = clip;
        this.generatedFolder = generatedFolder;
    }

    /**
     * The given clip, or a {@code size} clip of {@code seconds} generated now (saying where on {@code out}).
     *
     * @throws UserError when the given clip cannot be read, the size is not WIDTHxHEIGHT, or generating fails
     */
    static BenchInput open(Path given, String size, double seconds, PrintWriter out) {
        if (given != null) {
            if (!Files.isReadable(given)) {
                throw new UserError("--clip " + given + ": no such file");
            }
            return new BenchInput(given, null);
        }
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        int width;
        int height;
        try {
            width = Integer.parseInt(wh[0]);
            height = Integer.parseInt(wh[1]);
        } catch (RuntimeException e) {
            throw new UserError("--size " + size + ": expected WIDTHxHEIGHT, e.g. 1280x720", 2);
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("avmon-bench-");
        } catch (IOException e) {
            throw new UserError("cannot create a folder for the benchmark clip: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "generating a %dx%d 25 fps clip of %.0f s in %s (deleted when the run ends)%n",
                width, height, seconds, folder);
        out.flush();
        try {
            return new BenchInput(BenchClip.generate(folder, width, height, seconds), folder);
        } catch (IOException | IllegalArgumentException e) {
            deleteTree(folder);
            throw new UserError("cannot generate the benchmark clip: " + e.getMessage());
        }
    }

    /** The clip to loop. */
    Path clip() {
        return clip;
    }

    /** Deletes the generated clip and its folder; a given clip is left alone. */
    @Override
    public void close() {
        if (generatedFolder != null) {
            deleteTree(generatedFolder);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark clip's folder " + folder, e);
        }
    }
}
