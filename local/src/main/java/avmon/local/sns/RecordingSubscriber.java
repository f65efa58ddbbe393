package avmon.local.sns;

import java.util.ArrayList;
import java.util.List;

/** A subscriber that keeps every notification in memory, for tests. */
public final class RecordingSubscriber implements Subscriber {

    private final List<Notification> notifications = new ArrayList<>();

    @Override
    public synchronized void deliver(Notification notification) {
        notifications.add(notification);
    }

    /** The notifications received so far, in delivery order. */
    public synchronized List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    /** The message texts received so far, in delivery order. */
    public synchronized List<String> messages() {
        return notifications.stream().map(Notification::message).toList();
    }
}
