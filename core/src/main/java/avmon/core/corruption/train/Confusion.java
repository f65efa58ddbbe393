package avmon.core.corruption.train;

/**
 * Picture decisions against the labels, corrupted being the positive class.
 *
 * @param truePositives  corrupted pictures found
 * @param falsePositives clean pictures called corrupted
 * @param falseNegatives corrupted pictures missed
 * @param trueNegatives  clean pictures called clean
 */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    public static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

    /** This confusion with one more decision. */
    public Confusion add(boolean corrupted, boolean called) {
        return new Confusion(truePositives + (corrupted && called ? 1 : 0), falsePositives + (!corrupted && called ? 1 : 0),
                falseNegatives + (corrupted && !called ? 1 : 0), trueNegatives + (!corrupted && !called ? 1 : 0));
    }

    public Confusion plus(Confusion o) {
        return new Confusion(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives, trueNegatives + o.trueNegatives);
    }

    /** Share of pictures called corrupted that are; 1 when none was called. */
    public double precision() {
        long called = truePositives + falsePositives;
        return called == 0 ? 1 : (double) truePositives / called;
    }

    /** Share of corrupted pictures called corrupted; 1 when there were none. */
    public double recall() {
        long corrupted = truePositives + falseNegatives;
        return corrupted == 0 ? 1 : (double) truePositives / corrupted;
    }

    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }
}
