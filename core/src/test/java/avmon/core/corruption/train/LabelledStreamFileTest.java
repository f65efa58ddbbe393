package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledStreamFileTest {

    @TempDir
    Path dir;

    private static final TrainingStream STREAM = new TrainingStream("train-text-0", Split.TRAIN, PictureContent.TEXT,
            new PictureSize(640, 360), 7, List.of(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 0.04, 0.04)),
            VideoEncoding.DEFAULT);

    @Test
    void writeThenRead_sameStream() throws IOException {
        LabelledStream written = new LabelledStream(STREAM, 4, 4, List.of(new byte[16], filled(16, 9)),
                new double[] {0, 0.04}, new boolean[] {true, false}, new boolean[] {false, true},
                List.of(new byte[] {0}, new byte[] {12}),
                List.of(new Defect(DefectType.BLOCK_CORRUPTION, 0.04, null, null, null)), 0.08);
        Path file = dir.resolve("s.labelled");
        LabelledStreamFile.write(written, file);
        LabelledStream read = LabelledStreamFile.read(file, STREAM);

        assertEquals(STREAM, read.stream(), "the planned stream, damage kept");
        assertArrayEquals(written.times(), read.times(), "times");
        assertArrayEquals(written.keyframes(), read.keyframes(), "keyframe flags");
        assertArrayEquals(written.corrupted(), read.corrupted(), "labels");
        assertArrayEquals(written.pictures().get(1), read.pictures().get(1), "pictures");
        assertArrayEquals(written.tileChanges().get(1), read.tileChanges().get(1), "tile changes");
        assertEquals(written.truth(), read.truth(), "true corruptions, open end kept");
        assertEquals(0.08, read.duration(), 1e-12, "duration");
    }

    @Test
    void read_otherFile_typedError() throws IOException {
        Path file = dir.resolve("other.labelled");
        Files.write(file, new byte[] {0, 0, 0, 1, 0});
        IOException e = assertThrows(IOException.class, () -> LabelledStreamFile.read(file, STREAM),
                "version 1 files (without keyframes and tile changes) are not read as this version");
        assertEquals(true, e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
