package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PictureRendererTest {

    private static final int W = 320;
    private static final int H = 180;

    private static byte[] draw(PictureContent content, long seed, int n) {
        byte[] out = new byte[W * H];
        PictureRenderer.of(content, seed, W, H).draw(n, out, W);
        return out;
    }

    private static double meanDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }

    private static Set<Integer> levels(byte[] picture) {
        Set<Integer> levels = new HashSet<>();
        for (byte b : picture) {
            levels.add(b & 0xff);
        }
        return levels;
    }

    @ParameterizedTest
    @EnumSource(PictureContent.class)
    void draw_sameSeedAndPicture_samePixels(PictureContent content) {
        assertArrayEquals(draw(content, 7, 33), draw(content, 7, 33),
                content + ": a picture drawn again (a freeze) is the same picture");
    }

    @ParameterizedTest
    @EnumSource(value = PictureContent.class, names = {"TEXTURE", "NOISE", "TEXT", "PATTERNS", "GRAPHICS"})
    void draw_movingContent_nextPictureDiffers(PictureContent content) {
        double difference = meanDifference(draw(content, 7, 10), draw(content, 7, 11));
        assertTrue(difference > 0.255, content + " moves between pictures by more than freezedetect's noise, got "
                + difference);
    }

    @ParameterizedTest
    @EnumSource(value = PictureContent.class, names = {"TEXTURE", "NOISE", "TEXT", "PATTERNS", "FLAT", "GRAPHICS"})
    void draw_otherSeed_otherPicture(PictureContent content) {
        assertFalse(Arrays.equals(draw(content, 7, 5), draw(content, 8, 5)), content + ": the seed changes the picture");
    }

    @Test
    void draw_black_everyPixelZero() {
        assertEquals(Set.of(0), levels(draw(PictureContent.BLACK, 3, 12)), "black content is level 0 throughout");
    }

    @Test
    void draw_flat_oneLevelAwayFromBlackAndWhite() {
        Set<Integer> levels = levels(draw(PictureContent.FLAT, 3, 12));
        assertEquals(1, levels.size(), "flat content has one level, got " + levels);
        int level = levels.iterator().next();
        assertTrue(level >= 40 && level <= 215, "flat level " + level + " is neither black nor white");
        assertArrayEquals(draw(PictureContent.FLAT, 3, 0), draw(PictureContent.FLAT, 3, 500), "flat content never changes");
    }

    @Test
    void draw_text_twoLevelsWithInkOnAFewPercentOfPixels() {
        byte[] picture = draw(PictureContent.TEXT, 11, 40);
        Set<Integer> levels = levels(picture);
        assertEquals(2, levels.size(), "text is ink on paper, got levels " + levels);
        int ink = levels.stream().max(Integer::compare).orElseThrow();
        long inked = 0;
        for (int y = 0; y < H - 20; y++) {
            for (int x = 0; x < W; x++) {
                inked += (picture[y * W + x] & 0xff) == ink ? 1 : 0;
            }
        }
        double share = (double) inked / ((H - 20) * W);
        assertTrue(share > 0.02 && share < 0.4, "rolling text covers part of the picture, got " + share);
    }

    @Test
    void draw_noise_grainIsFreshEveryPicture() {
        byte[] a = draw(PictureContent.NOISE, 5, 20);
        byte[] b = draw(PictureContent.NOISE, 5, 21);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        assertTrue(same < a.length / 5, "grain changes almost everywhere between pictures, same at " + same);
    }

    @Test
    void draw_kinds_allDifferent() {
        Set<String> pictures = new HashSet<>();
        for (PictureContent content : EnumSet.allOf(PictureContent.class)) {
            pictures.add(Arrays.toString(draw(content, 9, 3)));
        }
        assertEquals(PictureContent.values().length, pictures.size(), "every kind draws its own picture");
    }

    @Test
    void fromName_unknownKind_namesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PictureContent.fromName("sports"));
        assertTrue(e.getMessage().contains("patterns"), "the error lists the known kinds: " + e.getMessage());
        assertEquals(PictureContent.TEXT, PictureContent.fromName("Text"), "names ignore case");
    }
}
