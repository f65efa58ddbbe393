package avmon.core.detect;

/** The kinds of defect avmon reports. The JSON name is the lower-case form used in ground truth files. */
public enum DefectType {
    /** The picture stops moving (FFmpeg freezedetect semantics). */
    FREEZE,
    /** The picture is black (FFmpeg blackdetect semantics). */
    BLACK,
    /** The audio is silent (FFmpeg silencedetect semantics). */
    SILENCE,
    /** Concealed block corruption (macroblocking) after bitstream damage. */
    BLOCK_CORRUPTION,
    /** Audio and video out of sync beyond tolerance, measured on a flash/beep sync pattern. */
    AV_SYNC,
    /**
     * The input stopped: no sample for longer than allowed, or the source failed part way. Reported by the
     * monolith's supervisor, not a detector: start is the stream time where the input stopped.
     */
    INPUT_LOSS;

    @com.fasterxml.jackson.annotation.JsonValue
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static DefectType fromJson(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
