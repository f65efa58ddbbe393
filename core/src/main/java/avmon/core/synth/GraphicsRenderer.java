package avmon.core.synth;

import java.util.SplittableRandom;

/**
 * {@link PictureContent#GRAPHICS}: flat panels with hard edges, as on-screen graphics, scoreboards and cartoons
 * have, sliding over a smooth shaded backdrop at their own speeds and overlapping, a full-width bar that slides
 * in from one side and out again like a lower third, and a band of fine vertical lines panning sideways (a
 * camera pan over a fence, a striped set). A moving flat panel changes whole rectangles of the picture from one
 * picture to the next, and fine lines in motion change every pixel they cover, which is what concealment does
 * too: the corruption model has to learn the difference from content that does it on purpose.
 *
 * <p>Speeds are in pixels of a 1280-pixel-wide picture per picture and scale with the width, so every stream
 * size shows the same motion.
 */
final class GraphicsRenderer extends PictureRenderer {

    private static final int REFERENCE_WIDTH = 1280;

    /** One flat panel: size, level, an optional border of another level, and its motion. */
    private record Panel(int width, int height, int level, int border, int borderLevel, int dx, int dy, int phase) {
    }

    private final Panel[] panels;
    private final int backdropTop;
    private final int backdropSlope;
    private final int backdropSpeed;
    private final int barLevel;
    private final int barHeight;
    private final int barSpeed;
    private final int linesTop;
    private final int linesHeight;
    private final int linePeriod;
    private final int lineSpeed;
    private final int lineLevel;
    private final int lineContrast;
    private final boolean softLines;

    GraphicsRenderer(long seed, int width, int height) {
        super(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        double scale = (double) width / REFERENCE_WIDTH;
        panels = new Panel[random.nextInt(3, 7)];
        for (int i = 0; i < panels.length; i++) {
            int w = Math.max(4, width * random.nextInt(6, 30) / 100);
            int h = Math.max(4, height * random.nextInt(6, 30) / 100);
            int border = random.nextBoolean() ? Math.max(1, (int) Math.round(random.nextInt(2, 7) * scale)) : 0;
            int dx = (int) Math.round((random.nextBoolean() ? 1 : -1) * random.nextInt(0, 13) * scale);
            int dy = (int) Math.round((random.nextBoolean() ? 1 : -1) * random.nextInt(0, 7) * scale);
            panels[i] = new Panel(w, h, random.nextInt(20, 236), border, random.nextInt(20, 236), dx, dy,
                    random.nextInt(0, 10_000));
        }
        backdropTop = random.nextInt(40, 161);
        backdropSlope = random.nextInt(-60, 61);
        backdropSpeed = random.nextInt(1, 4);
        barLevel = random.nextInt(20, 236);
        barHeight = Math.max(4, height * random.nextInt(8, 15) / 100);
        barSpeed = Math.max(1, (int) Math.round(random.nextInt(8, 25) * scale));
        linesHeight = Math.max(2, height * random.nextInt(10, 26) / 100);
        linesTop = random.nextInt(0, height - linesHeight + 1);
        // 4 to 24 pixels of a 1280-pixel picture: 1 to 6 pixels at the model's 320x180, down to aliasing.
        linePeriod = Math.max(2, (int) Math.round(random.nextInt(4, 25) * scale));
        lineSpeed = (int) Math.round((random.nextBoolean() ? 1 : -1) * random.nextInt(2, 17) * scale);
        lineLevel = random.nextInt(70, 186);
        lineContrast = random.nextInt(20, 70);
        softLines = random.nextBoolean();
    }

    @Override
    void draw(int n, byte[] out, int stride) {
        drawBackdrop(n, out, stride);
        drawLines(n, out, stride);
        for (Panel p : panels) {
            int x = bounce(n * p.dx() + p.phase(), width - p.width());
            int y = bounce(n * p.dy() + p.phase(), height - p.height());
            rectangle(x, y, p.width(), p.height(), p.borderLevel(), out, stride);
            rectangle(x + p.border(), y + p.border(), p.width() - 2 * p.border(), p.height() - 2 * p.border(),
                    p.level(), out, stride);
        }
        // The bar slides in over a width and a half, and out again: half the time it covers part of the picture.
        int travel = bounce(n * barSpeed, 3 * width) - width;
        rectangle(travel, height - barHeight - height / 12, width, barHeight, barLevel, out, stride);
    }

    /** A smooth diagonal shading whose bands drift slowly. */
    private void drawBackdrop(int n, byte[] out, int stride) {
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int base = backdropTop + backdropSlope * y / Math.max(1, height);
            for (int x = 0; x < width; x++) {
                int phase = Math.floorMod((x * 256 / Math.max(1, width)) + n * backdropSpeed, 512);
                int wave = phase < 256 ? phase : 511 - phase;
                out[row + x] = (byte) clamp(base + wave / 6 - 21);
            }
        }
    }

    /** The band of vertical lines, square or soft (a sine) across each period, shifted by the pan. */
    private void drawLines(int n, byte[] out, int stride) {
        for (int x = 0; x < width; x++) {
            int phase = Math.floorMod(x + n * lineSpeed, linePeriod);
            double profile = softLines ? Math.sin(2 * Math.PI * phase / linePeriod) : phase < linePeriod / 2 ? 1 : -1;
            byte level = (byte) clamp(lineLevel + (int) Math.round(lineContrast * profile));
            for (int y = linesTop; y < linesTop + linesHeight; y++) {
                out[y * stride + x] = level;
            }
        }
    }

    /** Fills the part of a rectangle inside the picture with one level. */
    private void rectangle(int x, int y, int w, int h, int level, byte[] out, int stride) {
        int x0 = Math.max(0, x);
        int x1 = Math.min(width, x + w);
        int y0 = Math.max(0, y);
        int y1 = Math.min(height, y + h);
        for (int row = y0; row < y1; row++) {
            java.util.Arrays.fill(out, row * stride + x0, Math.max(row * stride + x0, row * stride + x1), (byte) level);
        }
    }
}
