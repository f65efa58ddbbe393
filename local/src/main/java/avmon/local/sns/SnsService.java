package avmon.local.sns;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topics, subscriptions and publishing, as SNS does them for standard topics. Delivery is synchronous:
 * when Publish returns, every subscriber has been given the message (a failed delivery is logged,
 * counted and kept in {@link #failedDeliveries()}; it does not fail the Publish, as on AWS).
 * HTTP endpoints must be on the loopback interface.
 */
public final class SnsService {

    private static final Logger LOG = LoggerFactory.getLogger(SnsService.class);
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_BATCH = 10;
    private static final Set<String> SUBSCRIPTION_ATTRIBUTES = Set.of("RawMessageDelivery");

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final SubscriberEndpoints endpoints = new SubscriberEndpoints();
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final List<DeliveryFailure> failures = new ArrayList<>();
    private SnsMetrics metrics = new SnsMetrics(0, 0, 0, 0, 0, 0);
    private volatile URI endpoint = URI.create("http://127.0.0.1/");
    private int memorySubscribers;

    public SnsService(String region, String accountId, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    /** Tells the service the URL it is served at, for the UnsubscribeURL of notifications. */
    void servedAt(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Creates a topic, or returns the existing one of that name (CreateTopic is idempotent).
     *
     * @throws SnsException {@code InvalidParameter} for a bad name, a FIFO topic, or different attributes
     *                      than the existing topic's
     */
    public synchronized Topic createTopic(String name, Map<String, String> attributes) {
        if (name == null || !TOPIC_NAME.matcher(name).matches()) {
            boolean fifo = name != null && name.endsWith(".fifo");
            throw SnsException.invalidParameter(fifo ? "FIFO topics are not supported by the local SNS"
                    : "Topic Name");
        }
        if ("true".equalsIgnoreCase(attributes.get("FifoTopic"))) {
            throw SnsException.invalidParameter("FIFO topics are not supported by the local SNS");
        }
        String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
        Topic existing = topics.get(arn);
        if (existing != null) {
            if (!attributes.isEmpty() && !existing.attributes().equals(attributes)) {
                throw SnsException.invalidParameter("Attributes Reason: Topic already exists with different"
                        + " attributes");
            }
            return existing;
        }
        Topic topic = new Topic(arn, name, attributes);
        topics.put(arn, topic);
        return topic;
    }

    /** Deletes a topic and its subscriptions; deleting a topic that does not exist is no error, as on AWS. */
    public synchronized void deleteTopic(String topicArn) {
        topics.remove(topicArn);
        subscriptions.values().removeIf(subscription -> subscription.topicArn().equals(topicArn));
    }

    /** Every topic, in creation order. */
    public synchronized List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    /** A topic's attributes with the ones SNS computes (TopicArn, Owner, subscription counts). */
    public synchronized Map<String, String> topicAttributes(String topicArn) {
        Topic topic = topic(topicArn);
        Map<String, String> attributes = new LinkedHashMap<>(topic.attributes());
        attributes.put("TopicArn", topic.arn());
        attributes.put("Owner", accountId);
        attributes.put("SubscriptionsConfirmed", Long.toString(subscriptionsOf(topicArn).size()));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        attributes.putIfAbsent("DisplayName", "");
        return attributes;
    }

    /** Sets one topic attribute. */
    public synchronized void setTopicAttribute(String topicArn, String name, String value) {
        Topic topic = topic(topicArn);
        if (name == null || name.isEmpty() || "FifoTopic".equals(name) || "TopicArn".equals(name)) {
            throw SnsException.invalidParameter("AttributeName");
        }
        Map<String, String> attributes = new LinkedHashMap<>(topic.attributes());
        attributes.put(name, value == null ? "" : value);
        topics.put(topicArn, new Topic(topic.arn(), topic.name(), attributes));
    }

    private Topic topic(String topicArn) {
        Topic topic = topics.get(topicArn);
        if (topic == null) {
            throw SnsException.notFound("Topic does not exist");
        }
        return topic;
    }

    /**
     * Subscribes an endpoint: {@code http}/{@code https} (a loopback URL) or {@code file} (a path to a
     * JSON-lines file whose directory exists). Subscribing the same endpoint twice returns the same ARN.
     *
     * @throws SnsException {@code NotFound} for a missing topic, {@code InvalidParameter} for an unsupported
     *                      protocol, a bad endpoint or an unsupported attribute
     */
    public synchronized Subscription subscribe(String topicArn, String protocol, String endpoint,
                                               Map<String, String> attributes) {
        topic(topicArn);
        for (String attribute : attributes.keySet()) {
            if (!SUBSCRIPTION_ATTRIBUTES.contains(attribute)) {
                throw SnsException.invalidParameter("Attributes Reason: " + attribute
                        + " is not supported by the local SNS (only RawMessageDelivery)");
            }
        }
        for (Subscription existing : subscriptions.values()) {
            if (existing.topicArn().equals(topicArn) && existing.protocol().equals(protocol)
                    && existing.endpoint().equals(endpoint)) {
                return existing;
            }
        }
        boolean raw = "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
        return add(topicArn, protocol, endpoint, endpoints.subscriber(protocol, endpoint, raw));
    }

    /** Subscribes an in-process subscriber (protocol {@code memory}). */
    public synchronized Subscription subscribe(String topicArn, Subscriber subscriber) {
        topic(topicArn);
        memorySubscribers++;
        return add(topicArn, "memory", "memory:" + memorySubscribers, subscriber);
    }

    private Subscription add(String topicArn, String protocol, String endpoint, Subscriber subscriber) {
        String arn = topicArn + ":" + UUID.randomUUID();
        Subscription subscription = new Subscription(arn, topicArn, protocol, endpoint, accountId, subscriber);
        subscriptions.put(arn, subscription);
        return subscription;
    }

    /** Ends a subscription. */
    public synchronized void unsubscribe(String subscriptionArn) {
        if (subscriptions.remove(subscriptionArn) == null) {
            throw SnsException.notFound("Subscription does not exist");
        }
    }

    /** Every subscription, in creation order. */
    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /** The subscriptions of one topic. */
    public synchronized List<Subscription> subscriptions(String topicArn) {
        topic(topicArn);
        return subscriptionsOf(topicArn);
    }

    private List<Subscription> subscriptionsOf(String topicArn) {
        return subscriptions.values().stream().filter(s -> s.topicArn().equals(topicArn)).toList();
    }

    /**
     * Publishes one message and delivers it to every subscriber of the topic.
     *
     * @return the message id
     * @throws SnsException {@code NotFound}, {@code InvalidParameter}, {@code ParameterValueInvalid}
     */
    public String publish(String topicArn, TopicMessage message) {
        message.validate();
        List<Subscription> targets;
        String messageId = UUID.randomUUID().toString();
        synchronized (this) {
            targets = subscriptions(topicArn);
            count(1, 0, 1, SnsMetrics.billedRequests(message.size()));
        }
        deliver(targets, topicArn, messageId, message);
        return messageId;
    }

    /**
     * Publishes up to ten messages; entries that fail validation are reported, not thrown.
     *
     * @throws SnsException {@code EmptyBatchRequest}, {@code TooManyEntriesInBatchRequest},
     *                      {@code BatchEntryIdsNotDistinct}, {@code InvalidBatchEntryId},
     *                      {@code BatchRequestTooLong}, {@code NotFound}
     */
    public BatchResult publishBatch(String topicArn, List<BatchEntry> entries) {
        checkBatch(entries);
        List<BatchResult.Success> successful = new ArrayList<>();
        List<BatchResult.Failure> failed = new ArrayList<>();
        List<TopicMessage> accepted = new ArrayList<>();
        for (BatchEntry entry : entries) {
            try {
                entry.message().validate();
                successful.add(new BatchResult.Success(entry.id(), UUID.randomUUID().toString()));
                accepted.add(entry.message());
            } catch (SnsException e) {
                failed.add(new BatchResult.Failure(entry.id(), e.code(), e.getMessage(), true));
            }
        }
        List<Subscription> targets;
        synchronized (this) {
            targets = subscriptions(topicArn);
            long bytes = entries.stream().mapToLong(entry -> entry.message().size()).sum();
            count(0, 1, accepted.size(), SnsMetrics.billedRequests(bytes));
        }
        for (int i = 0; i < accepted.size(); i++) {
            deliver(targets, topicArn, successful.get(i).messageId(), accepted.get(i));
        }
        return new BatchResult(successful, failed);
    }

    private static void checkBatch(List<BatchEntry> entries) {
        if (entries.isEmpty()) {
            throw new SnsException("EmptyBatchRequest", 400, "The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH) {
            throw new SnsException("TooManyEntriesInBatchRequest", 400,
                    "The batch request contains more entries than permissible (" + MAX_BATCH + ").");
        }
        Set<String> ids = new HashSet<>();
        long bytes = 0;
        for (BatchEntry entry : entries) {
            if (entry.id() == null || !BATCH_ID.matcher(entry.id()).matches()) {
                throw new SnsException("InvalidBatchEntryId", 400, "A batch entry id can only contain alphanumeric"
                        + " characters, hyphens and underscores. It can be at most 80 letters long: " + entry.id());
            }
            if (!ids.add(entry.id())) {
                throw new SnsException("BatchEntryIdsNotDistinct", 400,
                        "Two or more batch entries in the request have the same Id: " + entry.id());
            }
            bytes += entry.message().size();
        }
        if (bytes > TopicMessage.MAX_BYTES) {
            throw new SnsException("BatchRequestTooLong", 400, "The length of all the messages put together is"
                    + " more than the limit (" + TopicMessage.MAX_BYTES + " bytes): " + bytes);
        }
    }

    private void count(long publishCalls, long batchCalls, long messages, long billed) {
        metrics = new SnsMetrics(metrics.publishCalls() + publishCalls, metrics.publishBatchCalls() + batchCalls,
                metrics.messagesPublished() + messages, metrics.billedRequests() + billed, metrics.deliveries(),
                metrics.failedDeliveries());
    }

    private void deliver(List<Subscription> targets, String topicArn, String messageId, TopicMessage message) {
        Instant timestamp = clock.instant();
        for (Subscription subscription : targets) {
            Notification notification = new Notification(messageId, topicArn, subscription.arn(),
                    message.subject(), message.messageFor(subscription.protocol()), message.attributes(), timestamp,
                    unsubscribeUrl(subscription.arn()));
            try {
                subscription.subscriber().deliver(notification);
                recordDelivery(null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("SNS could not deliver message {} to {}: {}", messageId, subscription.arn(), e.toString());
                recordDelivery(new DeliveryFailure(subscription.arn(), messageId, e.toString()));
            }
        }
    }

    private synchronized void recordDelivery(DeliveryFailure failure) {
        if (failure != null) {
            failures.add(failure);
        }
        metrics = new SnsMetrics(metrics.publishCalls(), metrics.publishBatchCalls(), metrics.messagesPublished(),
                metrics.billedRequests(), metrics.deliveries() + (failure == null ? 1 : 0),
                metrics.failedDeliveries() + (failure == null ? 0 : 1));
    }

    private String unsubscribeUrl(String subscriptionArn) {
        return endpoint.resolve("/") + "?Action=Unsubscribe&SubscriptionArn="
                + URLEncoder.encode(subscriptionArn, StandardCharsets.UTF_8);
    }

    /** Totals since the service started. */
    public synchronized SnsMetrics metrics() {
        return metrics;
    }

    /** Notifications that could not be delivered, oldest first. */
    public synchronized List<DeliveryFailure> failedDeliveries() {
        return List.copyOf(failures);
    }
}
