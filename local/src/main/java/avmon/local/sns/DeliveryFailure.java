package avmon.local.sns;

/**
 * A notification that could not be delivered: kept so that a lost message shows, as a dead-letter
 * queue would keep it on AWS.
 *
 * @param subscriptionArn the subscription
 * @param messageId       the message
 * @param reason          what went wrong
 */
public record DeliveryFailure(String subscriptionArn, String messageId, String reason) {
}
