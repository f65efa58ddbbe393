package avmon.local.sns;

/**
 * One entry of a PublishBatch.
 *
 * @param id      the caller's id for the entry, echoed in the result
 * @param message the message
 */
public record BatchEntry(String id, TopicMessage message) {
}
