package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.function.Consumer;

/**
 * Block corruption as the decoder itself sees it: a run of pictures the decoder reported errors for
 * ("error while decoding MB", "concealing ... errors"), the first signal of damaged packets, held open until the
 * picture is whole again.
 *
 * <p>The rule for the boundaries: start = the first picture with errors. The decoder only reports pictures whose
 * own packets were damaged, but the pictures predicted from them after the damage stops stay damaged, without
 * errors, until the next keyframe; so the run stays open after the last picture with errors and ends at the
 * first keyframe decoded without errors ({@link AnalysisFrame#keyframe()}). Errors coming back sooner than
 * {@link Settings#maxGap()} after that keyframe continue the same run; the run is reported once that much clean
 * time has passed, or at the end of the input (without an end when no clean keyframe came).
 *
 * <p>Pictures that carry no keyframe information (frames made by hand, a decoder that never flags one, a GOP
 * longer than {@link Settings#longestHeal()}) would keep a run open for ever: when no clean keyframe came within
 * {@code longestHeal} of the last picture with errors, the run ends at the first clean picture after it, the
 * decoder's own evidence (early by up to the rest of the GOP).
 */
public final class DecoderErrorDetector extends AbstractDetector<DecoderErrorDetector.State> {

    /** The detector's name and the key of its state. */
    public static final String NAME = "decoder_errors";

    /**
     * Thresholds.
     *
     * @param maxGap      clean time after the healing keyframe, in seconds, that ends a run; errors coming back
     *                    sooner continue it
     * @param longestHeal longest wait, in seconds, for a clean keyframe after the last picture with errors
     */
    public record Settings(double maxGap, double longestHeal) {
        public static final Settings DEFAULTS = new Settings(0.2, 10.0);

        public Settings {
            if (maxGap < 0) {
                throw new IllegalArgumentException("decoder error gap must not be negative");
            }
            if (!(longestHeal > 0)) {
                throw new IllegalArgumentException("longest wait for a keyframe must be positive");
            }
        }

        /** The given gap, the default wait for a keyframe. */
        public Settings(double maxGap) {
            this(maxGap, DEFAULTS.longestHeal());
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
        /** Whether a clean keyframe came after the last picture with errors, and when. */
        boolean healed;
        double healedAt;
    }

    private final Settings settings;

    public DecoderErrorDetector(Settings settings) {
        super(NAME, State.class, State::new);
        this.settings = settings;
    }

    @Override
    public State onFrame(State state, AnalysisFrame frame, Consumer<Defect> out) {
        double time = frame.time();
        if (state.inRun && state.healed && time - state.healedAt >= settings.maxGap()) {
            report(state, state.healedAt, out);
        } else if (state.inRun && !state.healed && state.clean
                && time - state.cleanSince >= settings.longestHeal()) {
            report(state, state.cleanSince, out);
        }
        if (!frame.decoderErrors().isEmpty()) {
            if (!state.inRun) {
                state.inRun = true;
                state.runStart = time;
            }
            state.clean = false;
            state.healed = false;
        } else if (state.inRun) {
            if (!state.clean) {
                state.clean = true;
                state.cleanSince = time;
            }
            if (frame.keyframe() && !state.healed) {
                state.healed = true;
                state.healedAt = time;
            }
        }
        return state;
    }

    @Override
    public State onEnd(State state, double endTime, Consumer<Defect> out) {
        if (state.inRun) {
            report(state, state.healed ? state.healedAt : null, out);
        }
        return state;
    }

    private static void report(State state, Double end, Consumer<Defect> out) {
        out.accept(new Defect(DefectType.BLOCK_CORRUPTION, state.runStart, end, null, NAME));
        state.inRun = false;
        state.clean = false;
        state.healed = false;
    }
}
