package avmon.local.sns;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one Query API request into a call on {@link SnsService} and the result into SNS's XML. */
final class SnsActions {

    private static final int PAGE_SIZE = 100;

    private final SnsService service;

    SnsActions(SnsService service) {
        this.service = service;
    }

    /**
     * Runs {@code Action} and returns the result element's content, or {@code null} for actions whose
     * response has no result.
     *
     * @throws SnsException for an unknown action or any refusal by the service
     */
    String run(String action, QueryParameters parameters) {
        return switch (action) {
            case "CreateTopic" -> createTopic(parameters);
            case "DeleteTopic" -> {
                service.deleteTopic(parameters.required("TopicArn"));
                yield null;
            }
            case "ListTopics" -> listTopics(parameters);
            case "GetTopicAttributes" -> new SnsXml().entries("Attributes",
                    service.topicAttributes(parameters.required("TopicArn"))).toString();
            case "SetTopicAttributes" -> {
                service.setTopicAttribute(parameters.required("TopicArn"), parameters.required("AttributeName"),
                        parameters.optional("AttributeValue"));
                yield null;
            }
            case "Subscribe" -> subscribe(parameters);
            case "Unsubscribe" -> {
                service.unsubscribe(parameters.required("SubscriptionArn"));
                yield null;
            }
            case "ListSubscriptions" -> listSubscriptions(service.subscriptions(), parameters);
            case "ListSubscriptionsByTopic" -> listSubscriptions(
                    service.subscriptions(parameters.required("TopicArn")), parameters);
            case "Publish" -> publish(parameters);
            case "PublishBatch" -> publishBatch(parameters);
            default -> throw new SnsException("InvalidAction", 400,
                    "The action " + action + " is not valid for this endpoint.");
        };
    }

    private String createTopic(QueryParameters parameters) {
        Topic topic = service.createTopic(parameters.required("Name"), parameters.map("Attributes", "key", "value"));
        return new SnsXml().element("TopicArn", topic.arn()).toString();
    }

    private String listTopics(QueryParameters parameters) {
        List<Topic> topics = service.topics();
        int from = pageStart(parameters, topics.size());
        int to = Math.min(topics.size(), from + PAGE_SIZE);
        SnsXml xml = new SnsXml().open("Topics");
        topics.subList(from, to).forEach(topic -> xml.open("member").element("TopicArn", topic.arn()).close("member"));
        xml.close("Topics");
        return xml.element("NextToken", to < topics.size() ? Integer.toString(to) : null).toString();
    }

    private String subscribe(QueryParameters parameters) {
        Subscription subscription = service.subscribe(parameters.required("TopicArn"),
                parameters.required("Protocol"), parameters.optional("Endpoint"),
                parameters.map("Attributes", "key", "value"));
        return new SnsXml().element("SubscriptionArn", subscription.arn()).toString();
    }

    private String listSubscriptions(List<Subscription> subscriptions, QueryParameters parameters) {
        int from = pageStart(parameters, subscriptions.size());
        int to = Math.min(subscriptions.size(), from + PAGE_SIZE);
        SnsXml xml = new SnsXml().open("Subscriptions");
        for (Subscription subscription : subscriptions.subList(from, to)) {
            xml.open("member")
                    .element("TopicArn", subscription.topicArn())
                    .element("Protocol", subscription.protocol())
                    .element("SubscriptionArn", subscription.arn())
                    .element("Owner", subscription.owner())
                    .element("Endpoint", subscription.endpoint())
                    .close("member");
        }
        xml.close("Subscriptions");
        return xml.element("NextToken", to < subscriptions.size() ? Integer.toString(to) : null).toString();
    }

    private static int pageStart(QueryParameters parameters, int size) {
        String token = parameters.optional("NextToken");
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            int start = Integer.parseInt(token);
            if (start >= 0 && start <= size) {
                return start;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw SnsException.invalidParameter("NextToken");
    }

    private String publish(QueryParameters parameters) {
        String topicArn = parameters.optional("TopicArn");
        if (topicArn == null) {
            topicArn = parameters.optional("TargetArn");
        }
        if (topicArn == null) {
            throw SnsException.invalidParameter(parameters.optional("PhoneNumber") != null
                    ? "PhoneNumber: SMS is not supported by the local SNS"
                    : "TopicArn or TargetArn Reason: no value for required parameter");
        }
        String messageId = service.publish(topicArn, message(parameters));
        return new SnsXml().element("MessageId", messageId).toString();
    }

    private String publishBatch(QueryParameters parameters) {
        List<BatchEntry> entries = new ArrayList<>();
        for (QueryParameters entry : parameters.indexed("PublishBatchRequestEntries.member")) {
            entries.add(new BatchEntry(entry.optional("Id"), message(entry)));
        }
        BatchResult result = service.publishBatch(parameters.required("TopicArn"), entries);
        SnsXml xml = new SnsXml().open("Successful");
        result.successful().forEach(success -> xml.open("member").element("Id", success.id())
                .element("MessageId", success.messageId()).close("member"));
        xml.close("Successful").open("Failed");
        result.failed().forEach(failure -> xml.open("member").element("Id", failure.id())
                .element("Code", failure.code()).element("Message", failure.message())
                .element("SenderFault", Boolean.toString(failure.senderFault())).close("member"));
        return xml.close("Failed").toString();
    }

    private static TopicMessage message(QueryParameters parameters) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (QueryParameters entry : parameters.indexed("MessageAttributes.entry")) {
            String name = entry.required("Name");
            String binary = entry.optional("Value.BinaryValue");
            attributes.put(name, new MessageAttribute(entry.optional("Value.DataType"),
                    entry.optional("Value.StringValue"), binary == null ? null : decodeBase64(name, binary)));
        }
        String structure = parameters.optional("MessageStructure");
        if (structure != null && !"json".equals(structure)) {
            throw SnsException.invalidParameter("MessageStructure: only json is allowed");
        }
        return new TopicMessage(parameters.optional("Subject"), parameters.optional("Message"), structure != null,
                attributes);
    }

    private static byte[] decodeBase64(String name, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw SnsException.invalidValue("The message attribute '" + name + "' has an invalid binary value.");
        }
    }
}
