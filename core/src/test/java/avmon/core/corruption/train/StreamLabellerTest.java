package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates, decodes and labels real (small) streams: FFmpeg's encoders and decoder, no stand-in. */
class StreamLabellerTest {

    private static final InjectedDefect FREEZE = InjectedDefect.of(DefectType.FREEZE, 0.4, 0.8);
    private static final InjectedDefect DAMAGE = InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 1.4, 0.3);

    @TempDir
    Path work;

    private LabelledStream label(List<InjectedDefect> damage) throws IOException {
        TrainingPlan plan = new TrainingPlan(1, 2, 2, List.of(new PictureSize(320, 180)), EncodingMix.DEFAULT,
                List.of(PictureContent.TEXTURE));
        TrainingStream stream = new TrainingStream("test-texture-freeze-0", Split.TEST, PictureContent.TEXTURE,
                new PictureSize(320, 180), 11, damage, VideoEncoding.DEFAULT, List.of(FREEZE));
        return new StreamLabeller(work, plan, 160, 90).label(stream);
    }

    @Test
    void label_freezeThenDamage_frozenPicturesAllCleanAndAlike() throws IOException {
        LabelledStream s = label(List.of(DAMAGE));

        byte[] first = null;
        for (int i = 0; i < s.size(); i++) {
            double t = s.times()[i];
            if (t >= FREEZE.start() - 1e-6 && t < FREEZE.end() - 1e-6) {
                assertFalse(s.corrupted()[i], "the frozen picture at " + t + " s is not damage");
                if (first == null) {
                    first = s.pictures().get(i);
                } else {
                    // The encoder refines a still picture after its keyframe, so the frozen pictures are alike,
                    // not equal.
                    double change = meanDifference(first, s.pictures().get(i));
                    assertTrue(change < 1.0, "the picture at " + t + " s is the frozen one: " + change + " levels apart");
                }
            }
        }
        assertTrue(first != null, "the freeze has pictures");
        boolean damaged = false;
        for (int i = 0; i < s.size(); i++) {
            damaged |= s.corrupted()[i];
            assertFalse(s.corrupted()[i] && s.times()[i] < DAMAGE.start() - 1e-6,
                    "nothing corrupted before the damage, at " + s.times()[i] + " s");
        }
        assertTrue(damaged, "the damage after the freeze shows");
    }

    private static double meanDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }

    @Test
    void label_freezeWithoutDamage_noPictureCorrupted() throws IOException {
        LabelledStream s = label(List.of());

        for (int i = 0; i < s.size(); i++) {
            assertFalse(s.corrupted()[i], "clean at " + s.times()[i] + " s");
        }
        assertTrue(s.truth().isEmpty(), "no corruption in the truth");
    }
}
