package avmon.core.detect;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A defect found in a stream.
 *
 * @param type     what kind of defect
 * @param start    stream time in seconds where it starts
 * @param end      stream time in seconds where it ends (exclusive), or {@code null} when it runs to the
 *                 end of the input
 * @param value    a measurement that goes with the type, or {@code null}: the A/V offset in seconds
 *                 (audio minus video, positive when audio is late) for {@link DefectType#AV_SYNC}
 * @param detector name of the detector that reported it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Defect(DefectType type, double start, Double end, Double value, String detector) {

    /** Duration in seconds, or {@code null} for a defect still open at the end of the input. */
    public Double duration() {
        return end == null ? null : end - start;
    }
}
