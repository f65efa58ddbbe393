package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * An incremental defect detector. All it remembers between samples lives in an explicit state object of
 * type {@code S}, which Jackson can write to JSON and read back: the serverless design carries it between
 * Lambda invocations in the execution's state, the monolith keeps it in memory. The detector itself holds
 * only its configuration, so one instance can serve many streams.
 *
 * <p>Feeding a stream in one piece or segment by segment, with the state round-tripped through JSON in
 * between, must give identical defects.
 *
 * @param <S> the detector's state; a mutable Jackson bean or record
 */
public interface Detector<S> {

    /** A short stable name, also the key of this detector's state ("freeze", "black", ...). */
    String name();

    /** The state class, so the state can be read back from JSON. */
    Class<S> stateType();

    /** The state at the start of a stream. */
    S initialState();

    /** Whether the detector looks at pictures. */
    default boolean usesVideo() {
        return true;
    }

    /** Whether the detector looks at audio. */
    default boolean usesAudio() {
        return false;
    }

    /** Consumes one picture; reports defects that are complete. Returns the (possibly new) state. */
    default S onFrame(S state, AnalysisFrame frame, Consumer<Defect> out) {
        return state;
    }

    /**
     * Pictures this detector would rather judge together, in one {@link #onFrames} call, than one at a time:
     * {@link StreamAnalyzer} then holds pictures back until it has this many (or the segment or stream ends), so
     * defects are reported up to that many pictures later. 1, the default: one picture at a time.
     */
    default int frameBatch() {
        return 1;
    }

    /**
     * Consumes pictures in their order; must report the same defects and leave the same state as {@link
     * #onFrame} on each in turn. The default does exactly that.
     */
    default S onFrames(S state, List<AnalysisFrame> frames, Consumer<Defect> out) {
        S next = state;
        for (AnalysisFrame frame : frames) {
            next = onFrame(next, frame, out);
        }
        return next;
    }

    /** Consumes one run of audio; reports defects that are complete. Returns the (possibly new) state. */
    default S onAudio(S state, AudioBuffer audio, Consumer<Defect> out) {
        return state;
    }

    /**
     * The stream has ended at {@code endTime} (stream time of the end of the last sample): reports what is
     * still open, with the end FFmpeg would give it.
     */
    default S onEnd(S state, double endTime, Consumer<Defect> out) {
        return state;
    }
}
