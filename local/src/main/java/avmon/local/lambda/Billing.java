package avmon.local.lambda;

import java.time.Duration;

/**
 * Lambda's duration billing: per millisecond, rounded up (since December 2020), with the INIT phase of
 * on-demand functions billed too (since August 2025); GB-seconds are memory in GB times billed seconds.
 */
final class Billing {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private Billing() {
    }

    /** Billed milliseconds for an invocation that ran {@code duration} after {@code init} (zero when warm). */
    static long billedMillis(Duration init, Duration duration) {
        long nanos = init.toNanos() + duration.toNanos();
        long millis = (nanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI;
        return Math.max(1, millis);
    }

    static double gbSeconds(int memoryMb, long billedMillis) {
        return memoryMb / 1024.0 * billedMillis / 1000.0;
    }
}
