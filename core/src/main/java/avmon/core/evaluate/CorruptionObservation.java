package avmon.core.evaluate;

import avmon.core.detect.Defect;
import java.util.List;
import java.util.Map;

/**
 * What the block corruption signals saw in one stream: its pictures, the defects the detectors reported, and any
 * per-picture metrics, next to the stream's ground truth.
 *
 * @param truth      the stream's ground truth
 * @param frameTimes the time of every decoded picture, in order
 * @param defects    every defect the detectors reported (each names its detector)
 * @param metrics    per-picture metric values by metric name, aligned with {@code frameTimes} (NaN where a
 *                   picture has no value)
 */
public record CorruptionObservation(GroundTruth truth, double[] frameTimes, List<Defect> defects,
                                    Map<String, double[]> metrics) {

    public CorruptionObservation {
        defects = List.copyOf(defects);
        metrics = Map.copyOf(metrics);
        for (Map.Entry<String, double[]> metric : metrics.entrySet()) {
            if (metric.getValue().length != frameTimes.length) {
                throw new IllegalArgumentException(truth.streamId() + ": metric " + metric.getKey() + " has "
                        + metric.getValue().length + " values for " + frameTimes.length + " pictures");
            }
        }
    }
}
