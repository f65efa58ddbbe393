package avmon.local.sns;

import java.util.List;

/**
 * The outcome of a PublishBatch: entries published and entries refused, each by the caller's id.
 *
 * @param successful the published entries
 * @param failed     the refused entries
 */
public record BatchResult(List<Success> successful, List<Failure> failed) {

    public BatchResult {
        successful = List.copyOf(successful);
        failed = List.copyOf(failed);
    }

    /** A published entry and the message id SNS gave it. */
    public record Success(String id, String messageId) {
    }

    /** A refused entry, with SNS's error code and whether the sender is at fault. */
    public record Failure(String id, String code, String message, boolean senderFault) {
    }
}
