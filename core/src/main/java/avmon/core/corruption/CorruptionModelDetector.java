package avmon.core.corruption;

import avmon.core.detect.AbstractDetector;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.media.AnalysisFrame;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Block corruption recognised in the pictures themselves by the trained {@link CorruptionModel}: it needs no
 * decoder log, so it works on frames handed over by another process (the serverless converter) and sees the
 * damage that predicted pictures carry until the next intact keyframe.
 *
 * <p>Each picture, with the one before it, gets a probability of being corrupted. A corruption starts at the
 * first of {@link Settings#minFrames()} pictures in a row at or above the model's threshold. Concealed damage
 * stays in the pictures predicted from it until the next intact keyframe, even where it has become too faint
 * for the model to see, so a corruption goes on until a keyframe the model judges clean, and ends there. Where
 * no keyframe comes (a source that does not flag them, or a keyframe interval longer than {@link
 * Settings#keyframeWait()}), it ends at the first clean picture after the last corrupted one, once clean
 * pictures have lasted {@code keyframeWait}.
 *
 * <p>A picture that hardly differs from the one before it ({@link Settings#stillChange()}: a freeze, a slate)
 * shows no new damage and no repair, whatever the model says of it: it breaks a row of flagged pictures and
 * does not start the wait for a run's end (an intact keyframe still ends a run). The model judges a picture by
 * its content too, and a still, detailed picture looks to it like concealment, which also stands still.
 *
 * <p>The analysis pictures must be at least the model's input size ({@link ModelDescription#inputWidth()} x
 * {@link ModelDescription#inputHeight()}, point-sampled like the media layer's default): larger ones are
 * point-sampled down to it, smaller ones are refused, since blowing them up would show the model blocks
 * that are not in the stream.
 */
public final class CorruptionModelDetector extends AbstractDetector<CorruptionModelDetector.State> {

    /** The detector's name and the key of its state. */
    public static final String NAME = "corruption_model";

    /**
     * How picture decisions become defects.
     *
     * @param minFrames    corrupted pictures in a row that start a corruption (one alone is not enough)
     * @param keyframeWait longest clean stretch, in seconds, during which a corruption waits for a keyframe to
     *                     end it; after that it ends where the clean pictures began (0: at the first clean one)
     * @param stillChange  a picture whose mean absolute difference from the one before it, in 8-bit levels at the
     *                     model's input size, is below this is still: it shows nothing new (0: none is)
     */
    public record Settings(int minFrames, double keyframeWait, double stillChange) {
        /**
         * Three pictures to start (two let single flickers of the model on film grain through); a keyframe
         * waited for over up to 0.6 s of clean pictures. Chosen on the validation streams of the committed model's
         * training data: holding runs to the keyframe whatever comes before it found the most corrupted pictures
         * but also ran past the truth on grain, which heals before the keyframe. Still below 0.1 levels: on the
         * validation streams with freezes (avmon train --freeze-streams 8), the committed model's frozen pictures
         * started 7 false runs, none with 0.05 to 0.2; the first picture of every corruption in the validation
         * and test streams changed by 0.16 levels or more.
         */
        public static final Settings DEFAULTS = new Settings(3, 0.6, 0.1);

        public Settings {
            if (minFrames < 1 || keyframeWait < 0 || stillChange < 0) {
                throw new IllegalArgumentException("corruption model needs minFrames >= 1, keyframeWait >= 0 and "
                        + "stillChange >= 0, got " + minFrames + ", " + keyframeWait + ", " + stillChange);
            }
        }
    }

    /** The previous picture (at the model's size) and the open run of corrupted pictures. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class State {
        byte[] previous;
        /** Corrupted pictures in a row so far, and when the first of them was shown. */
        int streak;
        double streakStart;
        boolean inRun;
        double runStart;
        /** Whether a clean picture came after the last corrupted one, and when the first one did. */
        boolean clean;
        double cleanSince;
    }

    /** Pictures judged in one call to the model ({@link #frameBatch()}). */
    public static final int BATCH = 8;

    private final CorruptionModel model;
    private final Settings settings;

    public CorruptionModelDetector(CorruptionModel model, Settings settings) {
        super(NAME, State.class, State::new);
        this.model = model;
        this.settings = settings;
    }

    @Override
    public State onFrame(State state, AnalysisFrame frame, Consumer<Defect> out) {
        return onFrames(state, List.of(frame), out);
    }

    /**
     * {@value #BATCH}: one PyTorch call costs about twice as much per picture for a single picture as in a
     * batch of 8 ({@code avmon model-bench}), and a run needs 3 pictures to start anyway.
     */
    @Override
    public int frameBatch() {
        return BATCH;
    }

    /** Judges the pictures in one batch, then applies the run rule to each in turn. */
    @Override
    public State onFrames(State state, List<AnalysisFrame> frames, Consumer<Defect> out) {
        List<FramePair> pairs = pairs(state, frames);
        List<Float> probabilities = model.probabilities(pairs);
        for (int i = 0; i < frames.size(); i++) {
            AnalysisFrame frame = frames.get(i);
            boolean corrupted = probabilities.get(i) >= model.description().threshold();
            // Stillness changes nothing for a clean picture outside a run, most pictures are that, and measuring
            // it costs a fifth of the model (model-bench, detector: 0.39 ms a picture measured always, 0.33 not).
            boolean still = (corrupted || state.inRun) && pairs.get(i).meanChange() < settings.stillChange();
            onDecision(settings, state, frame.time(), frame.keyframe(), corrupted, still, out);
        }
        return state;
    }

    /**
     * The run rule alone: one picture's decision (at {@code time}, a keyframe or not, still or not) moves the
     * state on and reports a corruption that ends. Training replays it over stored probabilities to choose the
     * threshold.
     */
    public static State onDecision(Settings settings, State state, double time, boolean keyframe, boolean corrupted,
                                   boolean still, Consumer<Defect> out) {
        if (state.inRun && keyframe && !corrupted) {
            // An intact keyframe: nothing concealed before it carries over.
            report(state, time, out);
            state.streak = 0;
            return state;
        }
        if (still) {
            // The picture before it again: whatever the model sees in it was there already. It breaks a row of
            // flagged pictures (a freeze's last moving picture and its first after are not a row) and says
            // nothing about whether a run's damage is gone.
            state.streak = 0;
            return state;
        }
        if (state.inRun && state.clean && time - state.cleanSince >= settings.keyframeWait()) {
            report(state, state.cleanSince, out);
        }
        if (corrupted) {
            if (state.streak++ == 0) {
                state.streakStart = time;
            }
            if (!state.inRun && state.streak >= settings.minFrames()) {
                state.inRun = true;
                state.runStart = state.streakStart;
            }
            state.clean = false;
        } else {
            state.streak = 0;
            if (state.inRun && !state.clean) {
                state.clean = true;
                state.cleanSince = time;
            }
        }
        return state;
    }

    /**
     * Each picture at the model's size with the one before it; remembers the last, at the model's size, as the
     * next one's previous.
     */
    private List<FramePair> pairs(State state, List<AnalysisFrame> frames) {
        ModelDescription d = model.description();
        List<FramePair> pairs = new ArrayList<>(frames.size());
        for (AnalysisFrame frame : frames) {
            byte[] current = resample(frame, d.inputWidth(), d.inputHeight());
            byte[] previous = state.previous == null || state.previous.length != current.length ? current : state.previous;
            state.previous = current;
            pairs.add(new FramePair(d.inputWidth(), d.inputHeight(), current, previous));
        }
        return pairs;
    }

    /**
     * The frame's luma at {@code width x height}, point-sampled when the frame is larger.
     *
     * @throws IllegalArgumentException when the frame is smaller than that
     */
    static byte[] resample(AnalysisFrame frame, int width, int height) {
        if (frame.width() == width && frame.height() == height) {
            return frame.luma().clone();
        }
        if (frame.width() < width || frame.height() < height) {
            throw new IllegalArgumentException(NAME + " needs analysis pictures of at least " + width + "x" + height
                    + " (the model's input), got " + frame.width() + "x" + frame.height() + ": set the thumbnail size to "
                    + width + "x" + height);
        }
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int sy = (int) ((y + 0.5) * frame.height() / height);
            for (int x = 0; x < width; x++) {
                out[y * width + x] = frame.luma()[sy * frame.width() + (int) ((x + 0.5) * frame.width() / width)];
            }
        }
        return out;
    }

    @Override
    public State onEnd(State state, double endTime, Consumer<Defect> out) {
        return onStreamEnd(state, out);
    }

    /** The run rule at the end of the stream: reports the corruption still open. */
    public static State onStreamEnd(State state, Consumer<Defect> out) {
        if (state.inRun) {
            // Still waiting for the keyframe that would end it: the damage lasts to the end of the stream.
            report(state, null, out);
        }
        return state;
    }

    private static void report(State state, Double end, Consumer<Defect> out) {
        out.accept(new Defect(DefectType.BLOCK_CORRUPTION, state.runStart, end, null, NAME));
        state.inRun = false;
        state.clean = false;
    }
}
