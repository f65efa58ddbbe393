package avmon.core.corruption.train;

/**
 * The picture size of generated training streams.
 *
 * @param width  pixels across
 * @param height pixels down
 */
public record PictureSize(int width, int height) {

    public PictureSize {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("stream size must be even and at least 16x16, got " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
