package avmon.core.synth;

import java.util.SplittableRandom;

/**
 * {@link PictureContent#PATTERNS}: hard-edged geometry in motion, like a test card: a checkerboard sliding
 * diagonally, a zone plate (rings whose phase runs outwards) in a disc that bounces around, and a band of
 * vertical square-wave stripes running sideways. Regular sharp edges are what a block-corruption detector
 * could mistake for blocks.
 */
final class PatternRenderer extends PictureRenderer {

    private static final int[] SINE = new int[256];

    static {
        for (int i = 0; i < SINE.length; i++) {
            SINE[i] = (int) Math.round(100 * Math.sin(2 * Math.PI * i / SINE.length));
        }
    }

    private final int cell;
    private final int cellDx;
    private final int cellDy;
    private final int dark;
    private final int light;
    private final int radius;
    private final int ringScale;
    private final int ringSpeed;
    private final int discDx;
    private final int discDy;
    private final int bandTop;
    private final int bandHeight;
    private final int stripe;
    private final int stripeSpeed;

    PatternRenderer(long seed, int width, int height) {
        super(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        int unit = Math.max(1, width / 320);
        cell = unit * random.nextInt(4, 13);
        cellDx = random.nextInt(-3, 4) * unit;
        cellDy = random.nextInt(1, 3) * unit;
        dark = random.nextInt(20, 70);
        light = random.nextInt(170, 236);
        radius = Math.max(4, height / 3);
        // About one ring every 8 picture pixels at the disc's edge, whatever the picture size.
        ringScale = Math.max(1, 49_152 / height);
        ringSpeed = random.nextInt(4, 12) * (random.nextBoolean() ? 1 : -1);
        discDx = Math.max(1, width / random.nextInt(100, 180));
        discDy = Math.max(1, height / random.nextInt(80, 140));
        bandHeight = Math.max(2, height / 6);
        bandTop = random.nextInt(0, height - bandHeight + 1);
        stripe = unit * random.nextInt(3, 9);
        stripeSpeed = unit * random.nextInt(1, 5) * (random.nextBoolean() ? 1 : -1);
    }

    @Override
    void draw(int n, byte[] out, int stride) {
        int cx = radius + bounce(n * discDx, width - 2 * radius);
        int cy = radius + bounce(n * discDy, height - 2 * radius);
        long r2 = (long) radius * radius;
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            boolean inBand = y >= bandTop && y < bandTop + bandHeight;
            int dy = y - cy;
            int cellRow = Math.floorDiv(y + n * cellDy, cell);
            for (int x = 0; x < width; x++) {
                int dx = x - cx;
                long d2 = (long) dx * dx + (long) dy * dy;
                int v;
                if (d2 < r2) {
                    v = 128 + SINE[(int) ((d2 * ringScale >> 10) - (long) n * ringSpeed) & 255];
                } else if (inBand) {
                    v = Math.floorMod(Math.floorDiv(x + n * stripeSpeed, stripe), 2) == 0 ? light : dark;
                } else {
                    v = ((Math.floorDiv(x + n * cellDx, cell) + cellRow) & 1) == 0 ? dark : light;
                }
                out[row + x] = (byte) v;
            }
        }
    }
}
