package avmon.fn.notifier;

import avmon.core.detect.Defect;
import java.util.List;

/**
 * What the workflow asks the notifier: the defects one segment produced, or why the stream failed.
 *
 * @param streamId the stream
 * @param defects  defects to publish, or {@code null} for a failure
 * @param failure  the failure to publish, or {@code null} for defects
 */
public record NotifyRequest(String streamId, List<Defect> defects, Failure failure) {

    /**
     * A caught error, as the state machine's Catch hands it over.
     *
     * @param segment the segment being worked on
     * @param error   the error name (a function's exception class, or a {@code States.*} error)
     * @param cause   the cause: for a function error, Lambda's error document as JSON text
     */
    public record Failure(Long segment, String error, String cause) {
    }
}
