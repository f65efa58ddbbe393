package avmon.cli.compare;

import avmon.core.detect.Defect;
import avmon.core.notify.Notification;
import avmon.local.sns.RecordingSubscriber;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a design's defects topic delivered, read as a subscriber reads it: both designs are judged on the
 * notifications they published, not on anything inside them.
 */
final class TopicInbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Notification> notifications;

    private TopicInbox(List<Notification> notifications) {
        this.notifications = List.copyOf(notifications);
    }

    /** The messages a subscriber received, each a notification as JSON. */
    static TopicInbox of(RecordingSubscriber subscriber) {
        List<Notification> read = new ArrayList<>();
        for (String message : subscriber.messages()) {
            try {
                read.add(JSON.readValue(message, Notification.class));
            } catch (IOException e) {
                throw new UncheckedIOException("the topic delivered something that is not a notification: " + message, e);
            }
        }
        return new TopicInbox(read);
    }

    /** The defects notified for a stream, in the order they came. */
    List<Defect> defects(String streamId) {
        return notifications.stream()
                .filter(n -> n.kind() == Notification.Kind.DEFECT && n.streamId().equals(streamId))
                .map(Notification::defect).toList();
    }

    /** The failure notified for a stream ({@code error: message}), or null. */
    String failure(String streamId) {
        return notifications.stream()
                .filter(n -> n.kind() == Notification.Kind.STREAM_FAILED && n.streamId().equals(streamId))
                .map(n -> n.error() + ": " + n.message()).findFirst().orElse(null);
    }
}
