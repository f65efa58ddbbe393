package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.function.Consumer;

/**
 * Block corruption as the decoder itself sees it: a run of pictures the decoder reported errors for
 * ("error while decoding MB", "concealing ... errors"), the first signal of damaged packets.
 *
 * <p>The rule for the boundaries, and what it cannot see: start = the first picture with errors; the run
 * goes on while errors keep coming, bridging clean stretches shorter than {@link Settings#maxGap()} (from
 * the first clean picture to the next picture); end = the first clean picture after the last one with
 * errors, reported once the clean stretch reached the gap. The decoder only reports pictures whose own
 * packets were damaged: pictures predicted from them after the damage stops stay visibly damaged, without
 * errors, until the next intact keyframe. This detector does not see that tail, so its end can be early by
 * up to one GOP; recognising the look of concealment is the job of the trained detector.
 */
public final class DecoderErrorDetector extends AbstractDetector<DecoderErrorDetector.State> {

    /** The detector's name and the key of its state. */
    public static final String NAME = "decoder_errors";

    /**
     * Thresholds.
     *
     * @param maxGap shortest clean stretch, in seconds, that ends a corruption; shorter ones are bridged
     */
    public record Settings(double maxGap) {
        public static final Settings DEFAULTS = new Settings(0.2);

        public Settings {
            if (maxGap < 0) {
                throw new IllegalArgumentException("decoder error gap must not be negative");
            }
        }
    }

    /** The open run of damaged pictures, if any. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class State {
        boolean inRun;
        double runStart;
        /** Whether a clean picture came after the last picture with errors, and when the first one did. */
        boolean clean;
        double cleanSince;
    }

    private final Settings settings;

    public DecoderErrorDetector(Settings settings) {
        super(NAME, State.class, State::new);
        this.settings = settings;
    }

    @Override
    public State onFrame(State state, AnalysisFrame frame, Consumer<Defect> out) {
        double time = frame.time();
        if (state.inRun && state.clean && time - state.cleanSince >= settings.maxGap()) {
            report(state, state.cleanSince, out);
        }
        if (!frame.decoderErrors().isEmpty()) {
            if (!state.inRun) {
                state.inRun = true;
                state.runStart = time;
            }
            state.clean = false;
        } else if (state.inRun && !state.clean) {
            state.clean = true;
            state.cleanSince = time;
        }
        return state;
    }

    @Override
    public State onEnd(State state, double endTime, Consumer<Defect> out) {
        if (state.inRun) {
            report(state, state.clean ? state.cleanSince : null, out);
        }
        return state;
    }

    private static void report(State state, Double end, Consumer<Defect> out) {
        out.accept(new Defect(DefectType.BLOCK_CORRUPTION, state.runStart, end, null, NAME));
        state.inRun = false;
        state.clean = false;
    }
}
