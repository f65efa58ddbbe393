package avmon.core.notify;

import java.util.ArrayList;
import java.util.List;

/** Keeps what it is sent, for tests. Thread-safe. */
public final class InMemoryNotifier implements Notifier {

    private final List<Notification> sent = new ArrayList<>();

    @Override
    public synchronized void send(Notification notification) {
        sent.add(notification);
    }

    /** Everything sent so far, in order. */
    public synchronized List<Notification> sent() {
        return List.copyOf(sent);
    }
}
