package avmon.core.synth;

import java.util.SplittableRandom;

/**
 * {@link PictureContent#TEXTURE}: a moving diagonal gradient, drifting vertical bars, a scrolling noise
 * texture and a bouncing checkered box, so that every part of the picture moves and has texture (a freeze
 * detector must see every change; an encoder must spend bits everywhere).
 *
 * <p>Levels stay between about 45 and 225 (full range), far from black.
 */
final class TextureRenderer extends PictureRenderer {

    private static final int TILE = 128;
    private static final int BARS = 8;

    private final byte[] noise = new byte[TILE * TILE];
    private final int[] barLevels = new int[BARS];
    private final int gradientSpeed;
    private final int barSpeed;
    private final int noiseDx;
    private final int noiseDy;
    private final int boxWidth;
    private final int boxHeight;
    private final int boxDx;
    private final int boxDy;
    private final int boxPhase;

    TextureRenderer(long seed, int width, int height) {
        super(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) random.nextInt(-6, 7);
        }
        for (int i = 0; i < BARS; i++) {
            barLevels[i] = random.nextInt(-20, 21);
        }
        gradientSpeed = sign(random) * random.nextInt(3, 7);
        barSpeed = sign(random) * random.nextInt(1, 4);
        noiseDx = sign(random) * random.nextInt(1, 3);
        noiseDy = sign(random) * random.nextInt(1, 3);
        boxWidth = Math.max(8, width / 6);
        boxHeight = Math.max(8, height / 6);
        boxDx = Math.max(1, width / random.nextInt(80, 120));
        boxDy = Math.max(1, height / random.nextInt(60, 100));
        boxPhase = random.nextInt(0, 1000);
    }

    private static int sign(SplittableRandom random) {
        return random.nextBoolean() ? 1 : -1;
    }

    @Override
    void draw(int n, byte[] out, int stride) {
        int barWidth = Math.max(1, width / BARS);
        int boxX = bounce((n + boxPhase) * boxDx, width - boxWidth);
        int boxY = bounce((n + boxPhase) * boxDy, height - boxHeight);
        int noiseX = Math.floorMod(n * noiseDx, TILE);
        int noiseY = Math.floorMod(n * noiseDy, TILE);
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int tileRow = ((y + noiseY) & (TILE - 1)) * TILE;
            boolean inBoxRows = y >= boxY && y < boxY + boxHeight;
            for (int x = 0; x < width; x++) {
                int v;
                if (inBoxRows && x >= boxX && x < boxX + boxWidth) {
                    v = (((x - boxX) >> 3) + ((y - boxY) >> 3) & 1) == 0 ? 50 : 220;
                } else {
                    int phase = (x + y * 2 + n * gradientSpeed) & 255;
                    int triangle = phase < 128 ? phase : 255 - phase;
                    int bar = barLevels[Math.floorMod((x + n * barSpeed) / barWidth, BARS)];
                    v = 72 + triangle + bar + noise[tileRow + ((x + noiseX) & (TILE - 1))];
                }
                out[row + x] = (byte) v;
            }
        }
    }
}
