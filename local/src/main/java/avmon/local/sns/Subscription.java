package avmon.local.sns;

/**
 * A subscription of one endpoint to one topic. Subscriptions are confirmed at once: the local SNS sends
 * no SubscriptionConfirmation.
 *
 * @param arn        {@code TOPIC_ARN:UUID}
 * @param topicArn   the topic
 * @param protocol   {@code http}, {@code https}, {@code file}, or {@code memory} for in-process subscribers
 * @param endpoint   the URL, the file path, or a name for an in-process subscriber
 * @param owner      the account id
 * @param subscriber what receives the notifications
 */
public record Subscription(String arn, String topicArn, String protocol, String endpoint, String owner,
                           Subscriber subscriber) {
}
