package avmon.monolith.bench;

import avmon.core.notify.Notification;
import avmon.core.notify.Notifier;
import java.util.concurrent.atomic.LongAdder;

/** Counts notifications and drops them: a benchmark measures the monitor, not a notification channel. */
final class CountingNotifier implements Notifier {

    private final LongAdder sent = new LongAdder();

    @Override
    public void send(Notification notification) {
        sent.increment();
    }

    long sent() {
        return sent.sum();
    }
}
