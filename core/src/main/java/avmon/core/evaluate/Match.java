package avmon.core.evaluate;

import avmon.core.detect.Defect;

/**
 * A true defect and the detection matched to it. Errors are detected minus true, in seconds; an open end
 * (no end: the defect runs to the end of the input) counts as the end of the stream.
 *
 * @param truth    the true defect
 * @param detected the detection that overlaps it
 * @param streamEnd the stream's duration, standing in for open ends
 */
public record Match(Defect truth, Defect detected, double streamEnd) {

    /** Detected start minus true start. */
    public double startError() {
        return detected.start() - truth.start();
    }

    /** Detected end minus true end; 0 when both are open. */
    public double endError() {
        if (detected.end() == null && truth.end() == null) {
            return 0;
        }
        return endOf(detected, streamEnd) - endOf(truth, streamEnd);
    }

    /** Detected value minus true value, or null when either has none. */
    public Double valueError() {
        return detected.value() == null || truth.value() == null ? null : detected.value() - truth.value();
    }

    /** The defect's end, or the end of the stream when it has none. */
    static double endOf(Defect defect, double streamEnd) {
        return defect.end() == null ? Math.max(streamEnd, defect.start()) : defect.end();
    }
}
