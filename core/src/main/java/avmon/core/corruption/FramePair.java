package avmon.core.corruption;

/**
 * What the model looks at: a gray picture and the picture before it, both at the model's input size, packed
 * row by row. Concealment shows in both: a block that stops moving or jumps where its neighbours do not.
 *
 * @param width    picture width in pixels
 * @param height   picture height in pixels
 * @param current  the picture to judge, {@code width * height} luma values
 * @param previous the picture before it (the same picture at the start of a stream)
 */
public record FramePair(int width, int height, byte[] current, byte[] previous) {

    public FramePair {
        if (current.length != width * height || previous.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " pair needs " + width * height
                    + " values per picture, got " + current.length + " and " + previous.length);
        }
    }

    /** How much the picture changed: the mean absolute difference from the previous one, in 8-bit levels. */
    public double meanChange() {
        long sum = 0;
        for (int i = 0; i < current.length; i++) {
            sum += Math.abs((current[i] & 0xff) - (previous[i] & 0xff));
        }
        return (double) sum / current.length;
    }
}
