package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.function.Consumer;

/**
 * Frozen picture, with FFmpeg {@code freezedetect} semantics: each picture is compared with the first
 * picture of the candidate freeze (the reference), not with its predecessor, so a slow drift still ends
 * the freeze. The picture is frozen while the mean absolute luma difference, divided by 255, is at most
 * {@link Settings#noise()}.
 *
 * <p>Reported once the freeze is over: start = time of the reference picture, end = time of the first
 * picture that moves again. A freeze still running at the end of the input is reported with no end, as
 * FFmpeg does. The minimum duration is measured as end minus start, in whole microseconds as FFmpeg
 * measures it, so that a 2.00 s freeze between two decoded times such as 14.840000000000002 and 16.84 is
 * 2 s, not 1.9999999999999982 s. FFmpeg measures a closed freeze the same way (to the first picture that
 * moves); for an open one it measures up to the last frozen picture, where this detector takes the end of
 * the input, one frame later. Black video is static too: it is also a freeze.
 *
 * <p>The difference is measured on the analysis thumbnail, not over every pixel and plane as FFmpeg does,
 * so a difference concentrated on the rows a point-sampled thumbnail happens to hit counts for more than
 * in FFmpeg: see {@code docs/freeze-detection.md}.
 */
public final class FreezeDetector extends AbstractDetector<FreezeDetector.State> {

    /** The detector's name and the key of its state. */
    public static final String NAME = "freeze";

    /**
     * Thresholds, FFmpeg's defaults in {@link #DEFAULTS}.
     *
     * @param noise       largest mean absolute difference (fraction of the luma range) still called frozen
     * @param minDuration shortest freeze reported, in seconds
     */
    public record Settings(double noise, double minDuration) {
        public static final Settings DEFAULTS = new Settings(0.001, 2.0);

        public Settings {
            if (noise < 0 || minDuration < 0) {
                throw new IllegalArgumentException("freeze noise and duration must not be negative");
            }
        }
    }

    /** What the detector remembers between pictures: the reference picture of the candidate freeze. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class State {
        /** Luma of the reference picture, or null before the first picture. */
        byte[] reference;
        double referenceTime;
        /** Pictures seen since the reference that did not move. */
        long frozenFrames;
    }

    private final Settings settings;

    public FreezeDetector(Settings settings) {
        super(NAME, State.class, State::new);
        this.settings = settings;
    }

    @Override
    public State onFrame(State state, AnalysisFrame frame, Consumer<Defect> out) {
        byte[] luma = frame.luma();
        if (state.reference != null && state.reference.length == luma.length && isStill(state.reference, luma)) {
            state.frozenFrames++;
            return state;
        }
        if (state.frozenFrames > 0 && lastsLongEnough(frame.time() - state.referenceTime)) {
            out.accept(new Defect(DefectType.FREEZE, state.referenceTime, frame.time(), null, NAME));
        }
        setReference(state, frame);
        return state;
    }

    @Override
    public State onEnd(State state, double endTime, Consumer<Defect> out) {
        if (state.frozenFrames > 0 && lastsLongEnough(endTime - state.referenceTime)) {
            out.accept(new Defect(DefectType.FREEZE, state.referenceTime, null, null, NAME));
        }
        state.frozenFrames = 0;
        return state;
    }

    /** Whether a freeze of this many seconds is reported ({@link Durations#atLeast}). */
    private boolean lastsLongEnough(double seconds) {
        return Durations.atLeast(seconds, settings.minDuration());
    }

    /** Whether the mean absolute difference stays within the noise; stops early once it cannot. */
    private boolean isStill(byte[] reference, byte[] luma) {
        long limit = (long) Math.floor(settings.noise() * 255.0 * luma.length);
        long sum = 0;
        for (int chunk = 0; chunk < luma.length; chunk += 256) {
            // An int per chunk (at most 256 * 255) lets the JIT vectorise the inner loop.
            int chunkSum = 0;
            int end = Math.min(luma.length, chunk + 256);
            for (int i = chunk; i < end; i++) {
                chunkSum += Math.abs((reference[i] & 0xff) - (luma[i] & 0xff));
            }
            sum += chunkSum;
            if (sum > limit) {
                return false;
            }
        }
        return true;
    }

    private static void setReference(State state, AnalysisFrame frame) {
        byte[] luma = frame.luma();
        if (state.reference == null || state.reference.length != luma.length) {
            state.reference = new byte[luma.length];
        }
        System.arraycopy(luma, 0, state.reference, 0, luma.length);
        state.referenceTime = frame.time();
        state.frozenFrames = 0;
    }
}
