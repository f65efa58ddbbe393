package avmon.local.sfn.asl;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * One Retry rule: which errors, how often, and how long to wait before each attempt.
 *
 * @param maxDelaySeconds the cap on any wait, or 0 for none
 * @param fullJitter      JitterStrategy FULL: wait a random time up to the computed delay
 */
record Retrier(ErrorMatcher matcher, double intervalSeconds, int maxAttempts, double backoffRate,
               double maxDelaySeconds, boolean fullJitter) {

    static final double DEFAULT_INTERVAL_SECONDS = 1;
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final double DEFAULT_BACKOFF_RATE = 2.0;

    /** The wait before retry number {@code retry} (0 for the first retry). */
    Duration delay(int retry, RandomGenerator random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retry);
        if (maxDelaySeconds > 0) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (fullJitter) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
