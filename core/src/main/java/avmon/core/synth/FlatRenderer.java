package avmon.core.synth;

/**
 * {@link PictureContent#FLAT} and {@link PictureContent#BLACK}: every pixel of every picture at one level.
 * The encoder codes such pictures as almost nothing, so damage to them can be invisible.
 */
final class FlatRenderer extends PictureRenderer {

    private final int level;

    FlatRenderer(int level, int width, int height) {
        super(width, height);
        this.level = level;
    }

    /** A level between 40 and 215 picked by the seed: away from black and from white. */
    static int levelFor(long seed) {
        return 40 + Math.floorMod(new java.util.SplittableRandom(seed).nextInt(), 176);
    }

    @Override
    void draw(int n, byte[] out, int stride) {
        fill(level, out, stride);
    }
}
