package avmon.core.blockiness;

/**
 * FFmpeg's {@code blockdetect} measure of coding blockiness (libavfilter/vf_blockdetect.c, after Muijs and Kirenko,
 * "A no-reference blocking artifact measure for adaptive video processing", EUSIPCO 2005), on a luma plane.
 *
 * <p>Each pixel's gradient to its right-hand neighbour is divided by the sum of the six gradients around it (at
 * least 1), and these normalised gradients are summed down every column: the column profile. Block edges on a
 * grid of period {@code p} make the columns at {@code k*p - 1} stand out. For each period from
 * {@link Settings#periodMin()} to {@link Settings#periodMax()} the score is the mean of the grid columns (each
 * taking the largest of itself and its two neighbours, for grids that fall between pixels) over the mean of the
 * other columns; the same for rows with vertical gradients; the result is the largest score of all. 1 means no
 * grid; coded video scores higher the coarser its quantisation.
 *
 * <p>The filter keeps its two profiles for the whole stream and adds each picture's gradients to them (its buffer
 * is allocated once and never cleared), so what it reports for a picture is the blockiness of every picture so
 * far. {@link #score(Profile)} of one picture's {@link #profile} is the per-picture measure the paper describes;
 * {@link CumulativeBlockiness} reproduces the filter's own running figure. Two deviations: sums are kept in
 * double precision, and a period whose other columns have no gradient at all (a flat picture) gives no score
 * instead of the filter's division by zero.
 */
public final class BlockinessMetric {

    /** Pixels left out at each end, as the filter does: three before and four after each position. */
    private static final int LEAD = 3;
    private static final int TRAIL = 4;

    /**
     * The grid periods searched, FFmpeg's {@code period_min} and {@code period_max}.
     *
     * @param periodMin smallest period, 2..32 (default 3)
     * @param periodMax largest period, 2..64 (default 24)
     */
    public record Settings(int periodMin, int periodMax) {
        public static final Settings DEFAULTS = new Settings(3, 24);

        public Settings {
            if (periodMin < 2 || periodMin > 32 || periodMax < 2 || periodMax > 64 || periodMin > periodMax) {
                throw new IllegalArgumentException("blockdetect periods must be 2 <= min (<= 32) <= max (<= 64), got "
                        + periodMin + ".." + periodMax);
            }
        }
    }

    /**
     * Normalised gradients summed per column (horizontal gradients, over rows) and per row (vertical gradients,
     * over columns). Positions the filter does not measure stay 0.
     *
     * @param columns one sum per column of the picture
     * @param rows    one sum per row of the picture
     */
    public record Profile(double[] columns, double[] rows) {

        /** An empty profile for pictures of the given size. */
        public static Profile empty(int width, int height) {
            return new Profile(new double[width], new double[height]);
        }

        /** Adds {@code other}, of the same size, to this profile. */
        public void add(Profile other) {
            if (other.columns.length != columns.length || other.rows.length != rows.length) {
                throw new IllegalArgumentException("profiles of different picture sizes");
            }
            for (int i = 0; i < columns.length; i++) {
                columns[i] += other.columns[i];
            }
            for (int j = 0; j < rows.length; j++) {
                rows[j] += other.rows[j];
            }
        }
    }

    private final Settings settings;

    public BlockinessMetric(Settings settings) {
        this.settings = settings;
    }

    /** The blockiness of one picture on its own. */
    public double score(byte[] luma, int width, int height, int stride) {
        return score(profile(luma, width, height, stride));
    }

    /** The blockiness a profile shows: the strongest grid over both directions and all periods. */
    public double score(Profile profile) {
        return Math.max(strongestGrid(profile.columns()), strongestGrid(profile.rows()));
    }

    /**
     * The gradient profiles of one picture.
     *
     * @param luma   8-bit luma, rows {@code stride} bytes apart
     * @param width  picture width
     * @param height picture height
     * @param stride bytes from one row to the next, at least {@code width}
     */
    public Profile profile(byte[] luma, int width, int height, int stride) {
        if (width < 1 || height < 1 || stride < width || luma.length < (long) stride * (height - 1) + width) {
            throw new IllegalArgumentException("a " + width + "x" + height + " picture with stride " + stride
                    + " does not fit in " + luma.length + " bytes");
        }
        Profile profile = Profile.empty(width, height);
        horizontal(luma, width, height, stride, profile.columns());
        vertical(luma, width, height, stride, profile.rows());
        return profile;
    }

    /** Column sums of rows 1.. of the normalised gradient between x and x+1, for x in 3 .. width-5. */
    private static void horizontal(byte[] luma, int width, int height, int stride, double[] columns) {
        if (width <= LEAD + TRAIL) {
            return;
        }
        int[] step = new int[width - 1];
        for (int y = 1; y < height; y++) {
            int row = y * stride;
            for (int x = 0; x < width - 1; x++) {
                step[x] = Math.abs((luma[row + x] & 0xff) - (luma[row + x + 1] & 0xff));
            }
            for (int x = LEAD; x < width - TRAIL; x++) {
                int around = step[x - 3] + step[x - 2] + step[x - 1] + step[x + 1] + step[x + 2] + step[x + 3];
                columns[x] += (float) step[x] / Math.max(1, around);
            }
        }
    }

    /** Row sums over columns 1.. of the normalised gradient between y and y+1, for y in 3 .. height-5. */
    private static void vertical(byte[] luma, int width, int height, int stride, double[] rows) {
        if (height <= LEAD + TRAIL) {
            return;
        }
        // step[k][x]: gradient between rows y+k-3 and y+k-2, kept as a ring of seven rows.
        int[][] ring = new int[7][width];
        for (int k = 0; k < 6; k++) {
            stepDown(luma, k, width, stride, ring[k]);
        }
        for (int y = LEAD; y < height - TRAIL; y++) {
            stepDown(luma, y + 3, width, stride, ring[(y + 3) % 7]);
            int[] up3 = ring[(y - 3) % 7];
            int[] up2 = ring[(y - 2) % 7];
            int[] up1 = ring[(y - 1) % 7];
            int[] here = ring[y % 7];
            int[] down1 = ring[(y + 1) % 7];
            int[] down2 = ring[(y + 2) % 7];
            int[] down3 = ring[(y + 3) % 7];
            double sum = 0;
            for (int x = 1; x < width; x++) {
                int around = up3[x] + up2[x] + up1[x] + down1[x] + down2[x] + down3[x];
                sum += (float) here[x] / Math.max(1, around);
            }
            rows[y] += sum;
        }
    }

    /** Gradients between row {@code y} and row {@code y + 1}. */
    private static void stepDown(byte[] luma, int y, int width, int stride, int[] out) {
        int top = y * stride;
        int bottom = top + stride;
        for (int x = 0; x < width; x++) {
            out[x] = Math.abs((luma[top + x] & 0xff) - (luma[bottom + x] & 0xff));
        }
    }

    /** The largest grid-to-rest ratio over the periods, positions 3 .. length-5 as the filter uses. */
    private double strongestGrid(double[] profile) {
        double best = 0;
        int n = profile.length;
        for (int period = settings.periodMin(); period <= settings.periodMax(); period++) {
            double grid = 0;
            double rest = 0;
            int gridCount = 0;
            int restCount = 0;
            for (int i = LEAD; i < n - TRAIL; i++) {
                if (i % period == period - 1) {
                    grid += Math.max(Math.max(profile[i], profile[i + 1]), profile[i - 1]);
                    gridCount++;
                } else {
                    rest += profile[i];
                    restCount++;
                }
            }
            if (gridCount > 0 && restCount > 0 && rest > 0) {
                best = Math.max(best, (grid / gridCount) / (rest / restCount));
            }
        }
        return best;
    }
}
