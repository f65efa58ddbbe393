package avmon.core.blockiness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockinessMetricTest {

    private static final int W = 96;
    private static final int H = 64;

    private final BlockinessMetric metric = new BlockinessMetric(BlockinessMetric.Settings.DEFAULTS);

    /** Flat 8x8 blocks of random levels, with a little noise inside: coarse coding's look. */
    private static byte[] blocky(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] levels = new int[(W / 8) * (H / 8)];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = random.nextInt(40, 200);
        }
        byte[] luma = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                luma[y * W + x] = (byte) (levels[(y / 8) * (W / 8) + x / 8] + random.nextInt(-2, 3));
            }
        }
        return luma;
    }

    /** Noise around a smooth ramp: no grid anywhere. */
    private static byte[] smooth(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] luma = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                luma[y * W + x] = (byte) (60 + x + y / 2 + random.nextInt(-20, 21));
            }
        }
        return luma;
    }

    @Test
    void score_eightPixelBlocks_farAboveNoise() {
        double grid = metric.score(blocky(1), W, H, W);
        double noise = metric.score(smooth(1), W, H, W);

        assertTrue(grid > 3, () -> "an 8-pixel grid stands out: " + grid);
        assertTrue(noise < 1.5, () -> "noise has no grid: " + noise);
    }

    @Test
    void score_flatPicture_isZero() {
        assertEquals(0.0, metric.score(new byte[W * H], W, H, W), "no gradient at all, no evidence of a grid");
    }

    @Test
    void profile_paddedRows_sameAsPacked() {
        byte[] packed = blocky(2);
        int stride = W + 32;
        byte[] padded = new byte[stride * H];
        for (int y = 0; y < H; y++) {
            System.arraycopy(packed, y * W, padded, y * stride, W);
            padded[y * stride + W] = (byte) 255;
        }

        BlockinessMetric.Profile a = metric.profile(packed, W, H, W);
        BlockinessMetric.Profile b = metric.profile(padded, W, H, stride);
        assertArrayEquals(a.columns(), b.columns(), "column profile ignores the padding");
        assertArrayEquals(a.rows(), b.rows(), "row profile ignores the padding");
    }

    @Test
    void cumulative_blockyPictureAfterSmoothOnes_muchDiluted() {
        CumulativeBlockiness running = new CumulativeBlockiness(metric);
        double first = running.add(metric.profile(smooth(0), W, H, W));
        for (int i = 1; i < 50; i++) {
            running.add(metric.profile(smooth(i), W, H, W));
        }
        double afterBlocky = running.add(metric.profile(blocky(3), W, H, W));

        double alone = metric.score(blocky(3), W, H, W);
        assertEquals(metric.score(smooth(0), W, H, W), first, 1e-12, "the first picture scores as itself");
        assertTrue(afterBlocky < alone / 2, () -> "one blocky picture after 50 smooth ones shows at less than half"
                + " its own score in the running figure: " + afterBlocky + " against " + alone);
    }

    @Test
    void profile_bufferTooSmall_rejected() {
        assertThrows(IllegalArgumentException.class, () -> metric.profile(new byte[W * H - 1], W, H, W));
        assertThrows(IllegalArgumentException.class, () -> metric.profile(new byte[W * H], W, H, W - 1));
        assertThrows(IllegalArgumentException.class, () -> new BlockinessMetric.Settings(1, 24));
        assertThrows(IllegalArgumentException.class, () -> new BlockinessMetric.Settings(10, 5));
    }

    @Test
    void score_sameAsFfmpegFilter_perPictureOnFirstAndRunningAfter() {
        CumulativeBlockiness running = new CumulativeBlockiness(metric);
        try (FfmpegBlockdetect ffmpeg = new FfmpegBlockdetect(W, H)) {
            for (int i = 0; i < 6; i++) {
                byte[] picture = i % 2 == 0 ? blocky(i) : smooth(i);
                double theirs = ffmpeg.next(picture);
                double ours = running.add(metric.profile(picture, W, H, W));
                // The filter prints six decimals and sums in single precision.
                assertEquals(theirs, ours, 1e-4 * Math.max(1, theirs), "picture " + i + ": FFmpeg " + theirs
                        + ", port " + ours);
            }
        }
    }
}
