package avmon.cli.monitor;

import avmon.cli.UserError;
import avmon.monolith.bench.BenchClip;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The clip a benchmark loops: the one given, or one generated for the run in a temporary folder. */
final class BenchInputs {

    private BenchInputs() {
    }

    static Path clip(Path given, String size, double seconds, PrintWriter out) {
        if (given != null) {
            if (!Files.isReadable(given)) {
                throw new UserError("--clip " + given + ": no such file");
            }
            return given;
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
        try {
            Path dir = Files.createTempDirectory("avmon-bench-");
            out.printf(Locale.ROOT, "generating a %dx%d 25 fps clip of %.0f s in %s%n", width, height, seconds, dir);
            out.flush();
            return BenchClip.generate(dir, width, height, seconds);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot generate the benchmark clip: " + e.getMessage());
        }
    }
}
