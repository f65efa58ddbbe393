package avmon.local.sfn.api;

import avmon.local.sfn.SfnClock;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when a test advances it, so Wait states never make a test slow. */
final class ManualClock implements SfnClock {

    private Instant now;
    private int sleepers;

    ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(Instant deadline) throws InterruptedException {
        sleepers++;
        notifyAll();
        try {
            while (now.isBefore(deadline)) {
                wait();
            }
        } finally {
            sleepers--;
        }
    }

    synchronized void advance(Duration step) {
        now = now.plus(step);
        notifyAll();
    }

    /** Waits (real time, at most {@code timeout}) until {@code count} threads sleep on this clock. */
    synchronized boolean awaitSleepers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sleepers < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
