package avmon.core.evaluate;

import avmon.core.media.MediaException;
import java.util.Map;

/** Per-picture metrics measured on a source by a pass of their own, for {@link CorruptionSignal.Thresholded}. */
@FunctionalInterface
public interface FrameMetrics {

    /** No metrics. */
    FrameMetrics NONE = (source, frames) -> Map.of();

    /**
     * Values by metric name for the pictures with the given indices (NaN for a picture the pass did not see).
     *
     * @throws MediaException when the source cannot be read
     */
    Map<String, double[]> measure(String source, long[] frames) throws MediaException;
}
