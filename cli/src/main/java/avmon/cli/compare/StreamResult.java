package avmon.cli.compare;

import avmon.core.detect.Defect;
import java.util.List;

/**
 * What one design made of one stream.
 *
 * @param streamId the stream
 * @param defects  the defects it notified
 * @param failure  why it could not run the stream to its end, or {@code null} when it did
 */
public record StreamResult(String streamId, List<Defect> defects, String failure) {

    public StreamResult {
        defects = List.copyOf(defects);
    }
}
