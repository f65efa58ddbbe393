package avmon.local.sfn.conformance;

import avmon.local.sfn.SfnClock;
import java.time.Instant;

/**
 * A clock that jumps instead of sleeping: {@link #sleepUntil} moves time forward at once. Wait states,
 * retry back-off and slow functions cost no real time. Meant for one execution thread.
 */
public final class VirtualClock implements SfnClock {

    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(Instant deadline) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        if (deadline.isAfter(now)) {
            now = deadline;
        }
    }
}
