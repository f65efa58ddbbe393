package avmon.core.synth;

import java.util.SplittableRandom;

/**
 * {@link PictureContent#NOISE}: film grain. Each picture gets fresh grain (drawn from the seed and the picture
 * number) over soft shading that drifts slowly, so nothing in the picture repeats and the encoder can predict
 * almost nothing: the hardest case for a detector that looks for unexpected texture.
 */
final class GrainRenderer extends PictureRenderer {

    private final long seed;
    private final int grain;
    private final int drift;
    private final int shadingPeriod;

    GrainRenderer(long seed, int width, int height) {
        super(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        this.seed = random.nextLong();
        this.grain = random.nextInt(12, 32);
        this.drift = random.nextInt(1, 4);
        this.shadingPeriod = Math.max(8, width / random.nextInt(1, 4));
    }

    @Override
    void draw(int n, byte[] out, int stride) {
        SplittableRandom random = new SplittableRandom(seed ^ (n * 0x9E3779B97F4A7C15L));
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            long bits = 0;
            for (int x = 0; x < width; x++) {
                if ((x & 3) == 0) {
                    bits = random.nextLong();
                }
                // Two random bytes added: a triangular distribution, closer to real grain than a flat one.
                int a = (int) (bits & 0xff);
                int b = (int) (bits >>> 8 & 0xff);
                bits >>>= 16;
                int phase = Math.floorMod(x + y / 2 + n * drift, shadingPeriod) * 256 / shadingPeriod;
                int shade = 80 + (phase < 128 ? phase : 255 - phase) * 3 / 4;
                out[row + x] = (byte) clamp(shade + (a + b - 255) * grain / 255);
            }
        }
    }
}
