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

    /**
     * Whether {@link #meanChange()} is below {@code threshold}, without adding up more of the picture than it
     * takes to know: a moving picture passes the bound within its first rows.
     */
    public boolean isStill(double threshold) {
        long sum = 0;
        for (int i = 0; i < current.length; i++) {
            sum += Math.abs((current[i] & 0xff) - (previous[i] & 0xff));
            // The sum only grows: once the whole picture's mean would reach the threshold, it stays there.
            if ((i & 1023) == 1023 && (double) sum / current.length >= threshold) {
                return false;
            }
        }
        return (double) sum / current.length < threshold;
    }

    /**
     * The share of the picture's {@code block x block} squares (whole ones, from the top left) whose mean level
     * differs from the previous picture's by {@code levels} or more: near 1 at a scene cut, where the whole layout
     * changes, and small where damage or motion changes only part of the picture or keeps its levels. Each mean is
     * taken over every second pixel of every second row, a quarter of the picture: the rule that asks runs on
     * most pictures, and a cut moves a square's mean by far more than that sampling does.
     */
    public double changedBlockShare(int block, double levels) {
        int across = width / block;
        int down = height / block;
        if (across == 0 || down == 0) {
            return 0;
        }
        int samples = ((block + 1) / 2) * ((block + 1) / 2);
        int changed = 0;
        for (int by = 0; by < down; by++) {
            for (int bx = 0; bx < across; bx++) {
                long difference = 0;
                for (int y = by * block; y < (by + 1) * block; y += 2) {
                    for (int i = y * width + bx * block, end = i + block; i < end; i += 2) {
                        difference += (current[i] & 0xff) - (previous[i] & 0xff);
                    }
                }
                if (Math.abs(difference) >= levels * samples) {
                    changed++;
                }
            }
        }
        return (double) changed / (across * down);
    }

    /**
     * How many of the picture's {@code tile x tile} squares (whole ones, from the top left) were flat in the
     * previous picture, no two of their levels more than {@code flatContrast} apart, and moved their mean level by
     * {@code levels} or more: a patch of a flat or black picture that changed. A keyframe that codes a flat
     * picture anew leaves its levels where they were, and a detailed picture coded anew changes its detail, not its
     * flat squares; concealment on a damaged keyframe shifts them.
     */
    public int shiftedFlatSquares(int tile, int flatContrast, double levels) {
        int shifted = 0;
        for (int ty = 0; ty + tile <= height; ty += tile) {
            for (int tx = 0; tx + tile <= width; tx += tile) {
                int low = 255;
                int high = 0;
                long difference = 0;
                for (int y = ty; y < ty + tile; y++) {
                    for (int i = y * width + tx, end = i + tile; i < end; i++) {
                        int before = previous[i] & 0xff;
                        low = Math.min(low, before);
                        high = Math.max(high, before);
                        difference += (current[i] & 0xff) - before;
                    }
                }
                if (high - low <= flatContrast && Math.abs(difference) >= levels * tile * tile) {
                    shifted++;
                }
            }
        }
        return shifted;
    }
}
