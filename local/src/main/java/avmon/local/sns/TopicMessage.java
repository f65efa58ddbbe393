package avmon.local.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a publisher sends to a topic: a message, an optional subject, message attributes, and whether
 * the message is a JSON object of per-protocol messages ({@code MessageStructure=json}).
 *
 * @param subject     the subject, or {@code null}
 * @param message     the message text
 * @param jsonStructure whether {@code message} holds one message per protocol plus {@code default}
 * @param attributes  the message attributes by name
 */
public record TopicMessage(String subject, String message, boolean jsonStructure,
                           Map<String, MessageAttribute> attributes) {

    /** SNS's limit on message plus attributes. */
    public static final int MAX_BYTES = 262_144;
    private static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_SUBJECT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    public TopicMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(attributes));
    }

    /** A plain message without subject or attributes. */
    public static TopicMessage of(String message) {
        return new TopicMessage(null, message, false, Map.of());
    }

    /** Bytes billed and limited: the message plus every attribute's name, type and value. */
    public int size() {
        int size = message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> attribute : attributes.entrySet()) {
            size += attribute.getValue().size(attribute.getKey());
        }
        return size;
    }

    /** The message a subscriber of {@code protocol} receives. */
    String messageFor(String protocol) {
        if (!jsonStructure) {
            return message;
        }
        JsonNode messages = parseStructure();
        JsonNode specific = messages.get(protocol);
        return specific != null && specific.isTextual() ? specific.asText() : messages.get("default").asText();
    }

    /**
     * Checks the message as Publish does.
     *
     * @throws SnsException {@code InvalidParameter} or {@code ParameterValueInvalid}
     */
    void validate() {
        if (message == null || message.isEmpty()) {
            throw SnsException.invalidParameter("Empty message");
        }
        if (subject != null && !validSubject(subject)) {
            throw SnsException.invalidParameter("Subject");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw SnsException.invalidParameter("MessageAttributes: a message has at most " + MAX_ATTRIBUTES
                    + " attributes, this one has " + attributes.size());
        }
        attributes.forEach((name, attribute) -> attribute.validate(name));
        if (size() > MAX_BYTES) {
            throw SnsException.invalidParameter("Message too long");
        }
        if (jsonStructure) {
            parseStructure();
        }
    }

    // SNS subjects are printable ASCII without line breaks, at most 100 characters.
    private static boolean validSubject(String subject) {
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            return false;
        }
        return subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private JsonNode parseStructure() {
        JsonNode messages;
        try {
            messages = JSON.readTree(message);
        } catch (Exception e) {
            throw SnsException.invalidParameter("Message Structure - Failed to parse JSON");
        }
        if (messages == null || !messages.isObject() || !messages.path("default").isTextual()) {
            throw SnsException.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        return messages;
    }
}
