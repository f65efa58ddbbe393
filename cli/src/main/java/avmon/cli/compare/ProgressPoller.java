package avmon.cli.compare;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reads how far a phase is from a counter it does not own (invocations of the converter, stream time the
 * monolith has analysed) four times a second and passes it on, until closed.
 */
final class ProgressPoller implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "avmon-compare-progress");
        t.setDaemon(true);
        return t;
    });
    private final Progress progress;
    private final LongSupplier done;

    ProgressPoller(Progress progress, LongSupplier done) {
        this.progress = progress;
        this.done = done;
        timer.scheduleAtFixedRate(this::poll, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            progress.advanceTo(done.getAsLong());
        } catch (RuntimeException e) {
            // A counter read while its service shuts down: the next poll, or the final one, will tell.
        }
    }

    /** Stops polling after one last reading. */
    @Override
    public void close() {
        timer.shutdownNow();
        poll();
    }
}
