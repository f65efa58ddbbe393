package avmon.local.sns;

import java.util.Map;

/**
 * A topic.
 *
 * @param arn        {@code arn:aws:sns:REGION:ACCOUNT:NAME}
 * @param name       the name
 * @param attributes the attributes set at creation or by SetTopicAttributes
 */
public record Topic(String arn, String name, Map<String, String> attributes) {

    public Topic {
        attributes = Map.copyOf(attributes);
    }
}
