package avmon.local.sns;

/**
 * Counts for metering and cost: API calls, messages, and billed requests (SNS bills each 64 KB chunk of
 * a publish's payload as one request; a PublishBatch is billed on its aggregate payload).
 *
 * @param publishCalls       Publish calls accepted
 * @param publishBatchCalls  PublishBatch calls accepted
 * @param messagesPublished  messages accepted, by either call
 * @param billedRequests     64 KB chunks billed
 * @param deliveries         notifications delivered to subscribers
 * @param failedDeliveries   notifications that could not be delivered
 */
public record SnsMetrics(long publishCalls, long publishBatchCalls, long messagesPublished, long billedRequests,
                         long deliveries, long failedDeliveries) {

    /** The size of one billed chunk. */
    public static final int BILLING_CHUNK_BYTES = 65_536;

    /** The requests billed for a payload of {@code bytes}: one per started 64 KB, at least one. */
    public static long billedRequests(long bytes) {
        return Math.max(1, (bytes + BILLING_CHUNK_BYTES - 1) / BILLING_CHUNK_BYTES);
    }
}
