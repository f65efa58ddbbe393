package avmon.local.sfn.asl;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A state's Retry and Catch rules, applied around each attempt of its work. */
final class ErrorHandling {

    static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    /** One attempt at the state's work. */
    interface Attempt {
        StateOutput run() throws StateError, InterruptedException;
    }

    /** Told when the state gives up on an error (no retry left), before a catcher handles it. */
    interface GiveUpListener {
        void gaveUp(StateError error, boolean caught);
    }

    private final List<Retrier> retriers;
    private final List<Catcher> catchers;

    ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
        this.retriers = List.copyOf(retriers);
        this.catchers = List.copyOf(catchers);
    }

    StateOutput run(StateRun run, Attempt attempt, GiveUpListener listener) throws StateError, InterruptedException {
        int[] retries = new int[retriers.size()];
        while (true) {
            try {
                return attempt.run();
            } catch (StateError raw) {
                StateError error = run.located(raw);
                if (StateError.RUNTIME.equals(error.error())) {
                    listener.gaveUp(error, false);
                    throw error; // AWS never retries or catches States.Runtime
                }
                int r = retrierFor(error.error());
                if (r >= 0 && retries[r] < retriers.get(r).maxAttempts()) {
                    Instant until = run.execution().context().clock().now()
                            .plus(retriers.get(r).delay(retries[r], ThreadLocalRandom.current()));
                    retries[r]++;
                    run.execution().sleepUntil(until);
                    run.retried();
                    continue;
                }
                Catcher catcher = catcherFor(error.error());
                listener.gaveUp(error, catcher != null);
                if (catcher == null) {
                    throw error;
                }
                return catcher.handle(run, error);
            }
        }
    }

    private int retrierFor(String error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (retriers.get(i).matcher().matches(error)) {
                return i;
            }
        }
        return -1;
    }

    private Catcher catcherFor(String error) {
        for (Catcher c : catchers) {
            if (c.matcher().matches(error)) {
                return c;
            }
        }
        return null;
    }
}
