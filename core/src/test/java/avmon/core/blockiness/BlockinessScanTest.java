package avmon.core.blockiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.media.MediaException;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockinessScanTest {

    @TempDir
    static Path dir;

    private static GeneratedStream stream;

    private final BlockinessScan scan = new BlockinessScan(new BlockinessMetric(BlockinessMetric.Settings.DEFAULTS));

    @BeforeAll
    static void generate() throws Exception {
        stream = new StreamGenerator().generate(StreamSpec.of("scan", 8).withSize(320, 180).withDuration(2), dir);
    }

    @Test
    void measure_generatedStream_valueForEveryPictureAndNaNForUnknownIndex() throws Exception {
        long[] wanted = LongStream.concat(LongStream.range(0, 50), LongStream.of(999)).toArray();

        Map<String, double[]> metrics = new BlockinessFrameMetrics(scan).measure(stream.playlist().toString(), wanted);

        for (String name : new String[] {BlockinessFrameMetrics.PER_PICTURE, BlockinessFrameMetrics.FFMPEG}) {
            double[] values = metrics.get(name);
            for (int i = 0; i < 50; i++) {
                assertTrue(values[i] > 0 && Double.isFinite(values[i]), name + " of picture " + i + ": " + values[i]);
            }
            assertTrue(Double.isNaN(values[50]), name + ": no picture 999 in a 2 s stream");
        }
    }

    @Test
    void scan_firstPicture_perPictureEqualsRunningFigure() throws Exception {
        BlockinessScan.FrameBlockiness first = scan.scan(stream.playlist().toString()).get(0);

        assertEquals(first.picture(), first.cumulative(), 1e-12, "one picture so far: the two figures agree");
    }

    @Test
    void scan_notMedia_typedError() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a video\n".repeat(50));

        assertThrows(MediaException.class, () -> scan.scan(text.toString()));
    }
}
