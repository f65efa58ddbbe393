package avmon.core.analyse;

import avmon.core.detect.Defect;
import java.util.List;

/**
 * What one detector found in one segment.
 *
 * @param detector the detector with its state after the segment, for the next one
 * @param defects  defects completed in this segment (or closed at the end of the stream)
 */
public record AnalyseResult(DetectorRun detector, List<Defect> defects) {

    public AnalyseResult {
        defects = List.copyOf(defects);
    }
}
