package avmon.core.synth;

import java.util.Arrays;

/**
 * Draws the gray test pictures of one kind of {@link PictureContent}. Everything follows from the seed and the
 * picture number, so the same picture can be drawn again (a freeze) and runs are reproducible. Pictures are
 * full range, 0..255.
 */
abstract class PictureRenderer {

    protected final int width;
    protected final int height;

    protected PictureRenderer(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The renderer of {@code content} for a stream with this seed and picture size. */
    static PictureRenderer of(PictureContent content, long seed, int width, int height) {
        return switch (content) {
            case TEXTURE -> new TextureRenderer(seed, width, height);
            case NOISE -> new GrainRenderer(seed, width, height);
            case FLAT -> new FlatRenderer(FlatRenderer.levelFor(seed), width, height);
            case BLACK -> new FlatRenderer(0, width, height);
            case TEXT -> new TextRenderer(seed, width, height);
            case PATTERNS -> new PatternRenderer(seed, width, height);
            case GRAPHICS -> new GraphicsRenderer(seed, width, height);
        };
    }

    /** Draws content picture {@code n} into {@code out}, rows {@code stride} bytes apart. */
    abstract void draw(int n, byte[] out, int stride);

    /** Fills the picture with one level (0 black, 255 white). */
    void fill(int level, byte[] out, int stride) {
        for (int y = 0; y < height; y++) {
            Arrays.fill(out, y * stride, y * stride + width, (byte) level);
        }
    }

    /** Position along a track of {@code span} pixels, going back and forth. */
    static int bounce(int travelled, int span) {
        if (span <= 0) {
            return 0;
        }
        int p = Math.floorMod(travelled, 2 * span);
        return p <= span ? p : 2 * span - p;
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
