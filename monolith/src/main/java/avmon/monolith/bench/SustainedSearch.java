package avmon.monolith.bench;

import java.util.OptionalInt;

/**
 * The largest count of streams that keeps up in real time, found with few real-time checks: from a first
 * guess, up by 15% while counts keep up or down by 15% while they fail, until one count kept up and a
 * larger one failed; then halving the gap between them until they are next to each other. Each check
 * costs a minute of real time, so the search gives up after a budget of checks and says how far it got
 * ({@link #sustained()} at least, {@link #failedAt()} at most).
 *
 * <p>Real-time results are not perfectly monotonic near the boundary (one count may fail where a larger one
 * passed by luck); the search keeps the largest count that kept up and the smallest that failed, so
 * a reversal can only narrow the bracket to where it happened.
 */
public final class SustainedSearch {

    /** How much a count grows or shrinks while the search has not yet bracketed the capacity. */
    private static final double STEP = 0.15;

    private final int maxStreams;
    private final int maxChecks;
    private int checks;
    private int sustained;
    private int failedAt = Integer.MAX_VALUE;
    private int next;

    /**
     * @param start      the first count to check (clamped to 1..maxStreams)
     * @param maxStreams the largest count the search may try
     * @param maxChecks  how many checks it may run; 1 checks {@code start} only
     */
    public SustainedSearch(int start, int maxStreams, int maxChecks) {
        if (maxStreams < 1 || maxChecks < 1) {
            throw new IllegalArgumentException("max streams and max checks must be positive: " + maxStreams
                    + ", " + maxChecks);
        }
        this.maxStreams = maxStreams;
        this.maxChecks = maxChecks;
        this.next = Math.max(1, Math.min(maxStreams, start));
    }

    /** The count to check next, or empty when the search is over. */
    public OptionalInt next() {
        return next > 0 ? OptionalInt.of(next) : OptionalInt.empty();
    }

    /** Records the result of checking {@code streams} and chooses the next count. */
    public void record(int streams, boolean keptUp) {
        if (streams != next) {
            throw new IllegalStateException("checked " + streams + " streams, the search asked for " + next);
        }
        checks++;
        if (keptUp) {
            sustained = Math.max(sustained, streams);
        } else {
            failedAt = Math.min(failedAt, streams);
        }
        next = checks >= maxChecks ? 0 : choose();
    }

    private int choose() {
        if (failedAt == Integer.MAX_VALUE) {
            return sustained >= maxStreams ? 0 : Math.min(maxStreams, Math.max(sustained + 1, (int) Math.ceil(sustained * (1 + STEP))));
        }
        if (failedAt - sustained <= 1) {
            return 0;
        }
        if (sustained == 0) {
            return Math.max(1, Math.min(failedAt - 1, (int) Math.floor(failedAt * (1 - STEP))));
        }
        return (sustained + failedAt) / 2;
    }

    /** The largest count that kept up, 0 when none did. */
    public int sustained() {
        return sustained;
    }

    /** The smallest count that failed, or empty when none did (the capacity may then be higher). */
    public OptionalInt failedAt() {
        return failedAt == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(failedAt);
    }

    /** Checks run so far. */
    public int checks() {
        return checks;
    }
}
