package avmon.local.lambda;

import java.time.Duration;

/**
 * Totals over invocations of one function, or of all of them.
 *
 * @param invocations  invocations that ran (throttled ones excluded, as AWS counts them)
 * @param coldStarts   invocations that started a new execution environment
 * @param initDuration time spent constructing handlers, summed
 * @param billedMs     billed milliseconds, summed
 * @param gbSeconds    GB-seconds, summed
 * @param errors       invocations that failed (timeouts included)
 * @param timeouts     invocations that hit the function's timeout
 * @param throttles    invocations refused for lack of concurrency
 */
public record LambdaMetrics(long invocations, long coldStarts, Duration initDuration, long billedMs,
                            double gbSeconds, long errors, long timeouts, long throttles) {

    /** No invocations. */
    public static final LambdaMetrics ZERO = new LambdaMetrics(0, 0, Duration.ZERO, 0, 0, 0, 0, 0);

    /** These totals plus {@code other}'s. */
    public LambdaMetrics plus(LambdaMetrics other) {
        return new LambdaMetrics(invocations + other.invocations, coldStarts + other.coldStarts,
                initDuration.plus(other.initDuration), billedMs + other.billedMs, gbSeconds + other.gbSeconds,
                errors + other.errors, timeouts + other.timeouts, throttles + other.throttles);
    }

    LambdaMetrics plus(InvocationResult result, boolean timedOut) {
        return plus(new LambdaMetrics(1, result.coldStart() ? 1 : 0, result.initDuration(),
                result.billedDurationMs(), result.gbSeconds(), result.failed() ? 1 : 0, timedOut ? 1 : 0, 0));
    }

    LambdaMetrics plusThrottle() {
        return plus(new LambdaMetrics(0, 0, Duration.ZERO, 0, 0, 0, 0, 1));
    }
}
