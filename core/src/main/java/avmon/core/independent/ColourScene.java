package avmon.core.independent;

/**
 * The independent clips' pictures, drawn as packed BGR: a colour wash that drifts, soft discs orbiting over it,
 * a panning stripe field and a few hard-edged moving rectangles. Unlike the generator's gray content it has
 * colour, curved edges and smooth shading, so damage looks different from what the project's detectors were built
 * on. Depends only on the picture number and the seed.
 */
final class ColourScene {

    private final int width;
    private final int height;
    private final long seed;

    ColourScene(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        this.seed = seed;
    }

    /** Draws picture {@code n} into {@code bgr} (width * height * 3 bytes). */
    void draw(int n, byte[] bgr) {
        double phase = n * 0.04 + (seed % 97) * 0.1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double blue = 90 + 70 * Math.sin(2 * Math.PI * (u + phase * 0.3));
                double green = 100 + 60 * Math.cos(2 * Math.PI * (v * 1.5 - phase * 0.2));
                double red = 110 + 50 * Math.sin(2 * Math.PI * (u * 0.7 + v * 0.9 + phase * 0.15));
                // A panning field of thin stripes in the lower third: fine detail that predicts from motion.
                if (v > 0.66 && ((x + n * 3) / 6) % 2 == 0) {
                    red += 40;
                    green += 40;
                    blue += 40;
                }
                int i = (y * width + x) * 3;
                bgr[i] = clip(blue);
                bgr[i + 1] = clip(green);
                bgr[i + 2] = clip(red);
            }
        }
        for (int k = 0; k < 3; k++) {
            double angle = phase * (0.8 + 0.3 * k) + k * 2.1;
            int cx = (int) (width * (0.5 + 0.3 * Math.cos(angle)));
            int cy = (int) (height * (0.45 + 0.25 * Math.sin(angle * 1.3)));
            disc(bgr, cx, cy, height / (5 + k), k);
        }
        for (int k = 0; k < 2; k++) {
            int w = width / 8;
            int h = height / 6;
            int x0 = Math.floorMod(n * (4 + 3 * k) + k * width / 2, width - w);
            int y0 = height / 10 + k * height / 4;
            rectangle(bgr, x0, y0, w, h, k == 0 ? new int[] {30, 200, 240} : new int[] {220, 60, 40});
        }
    }

    private void disc(byte[] bgr, int cx, int cy, int radius, int k) {
        int[][] colours = {{40, 40, 220}, {60, 200, 60}, {230, 230, 230}};
        int[] c = colours[k];
        for (int y = Math.max(0, cy - radius); y < Math.min(height, cy + radius); y++) {
            for (int x = Math.max(0, cx - radius); x < Math.min(width, cx + radius); x++) {
                double d = Math.hypot(x - cx, y - cy) / radius;
                if (d < 1) {
                    double a = 1 - d * d;
                    int i = (y * width + x) * 3;
                    for (int ch = 0; ch < 3; ch++) {
                        bgr[i + ch] = clip((bgr[i + ch] & 0xff) * (1 - a) + c[ch] * a);
                    }
                }
            }
        }
    }

    private void rectangle(byte[] bgr, int x0, int y0, int w, int h, int[] c) {
        for (int y = y0; y < Math.min(height, y0 + h); y++) {
            for (int x = x0; x < Math.min(width, x0 + w); x++) {
                int i = (y * width + x) * 3;
                bgr[i] = (byte) c[0];
                bgr[i + 1] = (byte) c[1];
                bgr[i + 2] = (byte) c[2];
            }
        }
    }

    private static byte clip(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
