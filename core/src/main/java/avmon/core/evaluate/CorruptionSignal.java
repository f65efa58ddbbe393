package avmon.core.evaluate;

import java.util.List;

/**
 * One way of telling which pictures are block-corrupted, scored on its own in the evaluation: a detector's
 * defects, several detectors together, a per-picture metric above a threshold, or a signal that cannot run here.
 */
public sealed interface CorruptionSignal {

    /** The signal's name in the report. */
    String name();

    /**
     * The block corruption defects one detector reports; a picture is flagged when it lies inside one.
     *
     * @param name     the name in the report
     * @param detector the detector's name ({@link avmon.core.detect.Defect#detector()})
     */
    record Detected(String name, String detector) implements CorruptionSignal {
    }

    /**
     * Any of several detectors: a picture is flagged when one of them flags it, and their defects are merged where
     * they overlap or touch.
     *
     * @param name      the name in the report
     * @param detectors the detectors' names
     */
    record Either(String name, List<String> detectors) implements CorruptionSignal {
        public Either {
            detectors = List.copyOf(detectors);
        }
    }

    /**
     * A per-picture metric, a picture flagged when its value reaches a threshold. Without a given threshold it is
     * the one that does best (highest frame-level F1) on the evaluated streams themselves, so the score is the
     * metric's best case; a clean-only set has no best, so give the threshold found on damaged streams. Runs of
     * flagged pictures are its defects.
     *
     * @param name      the name in the report
     * @param metric    the metric's name in {@link CorruptionObservation#metrics()}
     * @param threshold the threshold, or null to choose the best one
     */
    record Thresholded(String name, String metric, Double threshold) implements CorruptionSignal {
    }

    /**
     * A signal that cannot be scored here; listed with the reason so its absence shows.
     *
     * @param name   the name in the report
     * @param reason why it is missing
     */
    record Unavailable(String name, String reason) implements CorruptionSignal {
    }
}
