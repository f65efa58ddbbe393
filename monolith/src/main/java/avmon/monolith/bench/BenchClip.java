package avmon.monolith.bench;

import avmon.core.synth.GeneratedStream;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.io.IOException;
import java.nio.file.Path;

/** The clip the benchmarks loop: a clean generated stream (moving pictures, tone) as an HLS playlist. */
public final class BenchClip {

    private BenchClip() {
    }

    /** Generates {@code seconds} of {@code width}x{@code height} at 25 fps under {@code dir}; returns its playlist. */
    public static Path generate(Path dir, int width, int height, double seconds) throws IOException {
        StreamSpec spec = StreamSpec.of("bench-" + width + "x" + height, 7).withSize(width, height).withDuration(seconds);
        GeneratedStream stream = new StreamGenerator().generate(spec, dir);
        return stream.playlist();
    }
}
