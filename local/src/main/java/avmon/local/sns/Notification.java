package avmon.local.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One message as delivered to one subscription, with what SNS puts in its notification JSON.
 *
 * @param messageId       the id Publish returned
 * @param topicArn        the topic published to
 * @param subscriptionArn the subscription delivered to
 * @param subject         the subject, or {@code null}
 * @param message         the message for this subscription's protocol
 * @param attributes      the message attributes
 * @param timestamp       when SNS accepted the message
 * @param unsubscribeUrl  the URL that ends the subscription
 */
public record Notification(String messageId, String topicArn, String subscriptionArn, String subject,
                           String message, Map<String, MessageAttribute> attributes, Instant timestamp,
                           String unsubscribeUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The notification document SNS posts to HTTP endpoints, without the signature fields: nothing here
     * holds SNS's signing certificate.
     */
    public ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("Type", "Notification");
        json.put("MessageId", messageId);
        json.put("TopicArn", topicArn);
        if (subject != null) {
            json.put("Subject", subject);
        }
        json.put("Message", message);
        json.put("Timestamp", timestamp.toString());
        json.put("UnsubscribeURL", unsubscribeUrl);
        if (!attributes.isEmpty()) {
            ObjectNode attributesJson = json.putObject("MessageAttributes");
            attributes.forEach((name, attribute) -> attributesJson.putObject(name)
                    .put("Type", attribute.dataType())
                    .put("Value", attribute.notificationValue()));
        }
        return json;
    }
}
