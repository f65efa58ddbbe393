package avmon.monolith.supervise;

import java.time.Duration;

/**
 * How a stream whose input was lost is tried again: after {@code initialDelay}, doubling each time up to
 * {@code maxDelay}, and given up after {@code maxAttempts} attempts in a row that brought nothing new. An
 * attempt that analyses anything new starts the count again.
 *
 * @param initialDelay wait before the first retry
 * @param maxDelay     the cap on the wait
 * @param maxAttempts  failed attempts in a row before giving up; 0 for never giving up
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    /** 1 s, doubling to at most 1 min, given up after 10 failed attempts in a row. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 10);

    public RetryPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxAttempts < 0) {
            throw new IllegalArgumentException("retry policy needs 0 <= initial delay <= max delay and attempts >= 0, got "
                    + initialDelay + ", " + maxDelay + ", " + maxAttempts);
        }
    }

    /** The wait before retrying after the {@code failures}-th failed attempt in a row (from 1). */
    public Duration delayAfter(int failures) {
        Duration delay = initialDelay;
        for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether a stream with {@code failures} failed attempts in a row is given up on. */
    public boolean givesUpAfter(int failures) {
        return maxAttempts > 0 && failures >= maxAttempts;
    }
}
