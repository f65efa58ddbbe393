package avmon.core.notify;

import java.util.List;

/**
 * Sends notifications out: to SNS ({@code SnsNotifier} in the aws module), a JSON-lines file or the
 * terminal, or a list in tests ({@link InMemoryNotifier}).
 */
public interface Notifier {

    /** Sends one notification; throws an unchecked exception when it cannot be delivered. */
    void send(Notification notification);

    /** Sends several; implementations that can batch (SNS PublishBatch) override this. */
    default void sendAll(List<Notification> notifications) {
        notifications.forEach(this::send);
    }
}
