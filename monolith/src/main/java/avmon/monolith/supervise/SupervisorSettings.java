package avmon.monolith.supervise;

import java.time.Duration;

/**
 * How the supervisor runs its streams.
 *
 * @param workers      streams analysed at once; the others wait in QUEUED for a worker
 * @param stallTimeout how long a stream may go without a sample before its input counts as lost
 * @param maxLag       how far behind the live edge a stream may fall before it says it is BEHIND
 * @param retry        how lost inputs are tried again
 */
public record SupervisorSettings(int workers, Duration stallTimeout, Duration maxLag, RetryPolicy retry) {

    /** 16 workers, 15 s stall timeout (several HLS segments), 10 s allowed lag, the default retries. */
    public static final SupervisorSettings DEFAULT =
            new SupervisorSettings(16, Duration.ofSeconds(15), Duration.ofSeconds(10), RetryPolicy.DEFAULT);

    public SupervisorSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + workers);
        }
        if (stallTimeout.isNegative() || stallTimeout.isZero() || maxLag.isNegative()) {
            throw new IllegalArgumentException("stall timeout must be positive and max lag not negative");
        }
    }

    public SupervisorSettings withWorkers(int n) {
        return new SupervisorSettings(n, stallTimeout, maxLag, retry);
    }

    public SupervisorSettings withStallTimeout(Duration timeout) {
        return new SupervisorSettings(workers, timeout, maxLag, retry);
    }

    public SupervisorSettings withMaxLag(Duration lag) {
        return new SupervisorSettings(workers, stallTimeout, lag, retry);
    }

    public SupervisorSettings withRetry(RetryPolicy policy) {
        return new SupervisorSettings(workers, stallTimeout, maxLag, policy);
    }
}
