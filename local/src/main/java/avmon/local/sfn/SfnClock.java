package avmon.local.sfn;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the engine sees it. Production uses the system clock; tests use a clock they advance, so Wait
 * states and timeouts do not make tests slow.
 */
public interface SfnClock {

    Instant now();

    /**
     * Waits until {@code deadline} or until {@code interrupter} is notified (an execution stopped).
     * Returns early with {@link InterruptedException} when the thread is interrupted.
     */
    void sleepUntil(Instant deadline) throws InterruptedException;

    /** The system clock. */
    SfnClock SYSTEM = new SfnClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleepUntil(Instant deadline) throws InterruptedException {
            long ms = Duration.between(Instant.now(), deadline).toMillis();
            if (ms > 0) {
                Thread.sleep(ms);
            }
        }
    };
}
