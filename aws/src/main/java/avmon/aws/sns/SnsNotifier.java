package avmon.aws.sns;

import avmon.core.notify.Notification;
import avmon.core.notify.Notifier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes notifications to an SNS topic: the message is the notification as JSON, with the stream id,
 * the kind and the defect type as message attributes so subscribers can filter. Several notifications go
 * out in batches of ten (PublishBatch), each entry still billed as one publish.
 */
public final class SnsNotifier implements Notifier {

    /** SNS takes at most ten entries per PublishBatch. */
    static final int MAX_BATCH = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsClient sns;
    private final String topicArn;

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void send(Notification notification) {
        sns.publish(b -> b.topicArn(topicArn)
                .subject(notification.subject())
                .message(toJson(notification))
                .messageAttributes(attributes(notification)));
    }

    @Override
    public void sendAll(List<Notification> notifications) {
        for (int from = 0; from < notifications.size(); from += MAX_BATCH) {
            List<Notification> chunk = notifications.subList(from, Math.min(from + MAX_BATCH, notifications.size()));
            List<PublishBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                Notification n = chunk.get(i);
                entries.add(PublishBatchRequestEntry.builder()
                        .id(Integer.toString(from + i))
                        .subject(n.subject())
                        .message(toJson(n))
                        .messageAttributes(attributes(n))
                        .build());
            }
            PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                var first = response.failed().get(0);
                throw new NotificationFailedException(response.failed().size() + " of " + entries.size()
                        + " notifications were not published to " + topicArn + ": " + first.code() + " "
                        + first.message());
            }
        }
    }

    private static Map<String, MessageAttributeValue> attributes(Notification n) {
        Map<String, MessageAttributeValue> attributes = new java.util.LinkedHashMap<>();
        attributes.put("streamId", text(n.streamId()));
        attributes.put("kind", text(n.kind().name()));
        if (n.defect() != null) {
            attributes.put("defectType", text(n.defect().type().jsonName()));
        }
        return attributes;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String toJson(Notification n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification is always serialisable", e);
        }
    }
}
