package avmon.core.evaluate;

import avmon.core.detect.Defect;
import java.util.List;

/**
 * How the detections of one stream compare with its ground truth.
 *
 * @param streamId       the stream
 * @param matches        detections matched to true defects
 * @param falseDetections detections that match no true defect
 * @param missed         true defects no detection matched
 */
public record StreamScore(String streamId, List<Match> matches, List<Defect> falseDetections, List<Defect> missed) {

    public StreamScore {
        matches = List.copyOf(matches);
        falseDetections = List.copyOf(falseDetections);
        missed = List.copyOf(missed);
    }
}
