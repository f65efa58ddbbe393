package avmon.core.corruption;

import avmon.core.detect.AbstractDetector;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.media.AnalysisFrame;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
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
 * <p>A lone picture can start a corruption too, when it is a sudden onset ({@link SuddenOnset}): the model is
 * sure of it after a stretch of pictures it judged plainly clean, and the picture after it moves. Damage shows
 * most where it begins, since the model compares each picture with the one before it; once the damage stands in
 * every picture, the pictures after the first often look clean to the model.
 *
 * <p>On a picture that stands still (a slate, flat colour, black), damage shows only where it hits a keyframe,
 * since every predicted picture copies the one before it; it then stands until the next keyframe, and the model,
 * which looks for what changed, sees nothing in it. So a keyframe that shifts the levels of flat squares of a
 * still picture, which stays still after it, starts a corruption too ({@link StillOnset}).
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
     * @param minFrames    corrupted pictures in a row that start a corruption (one alone is not enough, unless it is
     *                     a sudden onset)
     * @param keyframeWait longest clean stretch, in seconds, during which a corruption waits for a keyframe to
     *                     end it; after that it ends where the clean pictures began (0: at the first clean one)
     * @param stillChange  a picture whose mean absolute difference from the one before it, in 8-bit levels at the
     *                     model's input size, is below this is still: it shows nothing new (0: none is)
     * @param onset        when one picture alone starts a corruption ({@link SuddenOnset#NONE}: never)
     * @param stillOnset   when a keyframe of a still picture starts a corruption ({@link StillOnset#NONE}: never)
     */
    public record Settings(int minFrames, double keyframeWait, double stillChange, SuddenOnset onset,
                           StillOnset stillOnset) {
        /**
         * Three pictures to start (two let single flickers of the model on film grain through); a keyframe
         * waited for over up to 0.6 s of clean pictures. Chosen on the validation streams of the committed model's
         * training data: holding runs to the keyframe whatever comes before it found the most corrupted pictures
         * but also ran past the truth on grain, which heals before the keyframe. Still below 0.1 levels: on the
         * validation streams with freezes (avmon train --freeze-streams 8), the committed model's frozen pictures
         * started 7 false runs, none with 0.05 to 0.2; the first picture of every corruption in the validation
         * and test streams changed by 0.16 levels or more. The onsets: {@link SuddenOnset#DEFAULT} and {@link
         * StillOnset#DEFAULT}.
         */
        public static final Settings DEFAULTS = new Settings(3, 0.6, 0.1, SuddenOnset.DEFAULT, StillOnset.DEFAULT);

        public Settings {
            if (minFrames < 1 || keyframeWait < 0 || stillChange < 0 || onset == null || stillOnset == null) {
                throw new IllegalArgumentException("corruption model needs minFrames >= 1, keyframeWait >= 0, "
                        + "stillChange >= 0 and both onset rules, got " + minFrames + ", " + keyframeWait + ", "
                        + stillChange + ", " + onset + ", " + stillOnset);
            }
        }

        /** The run rule without onsets of either kind. */
        public Settings(int minFrames, double keyframeWait, double stillChange) {
            this(minFrames, keyframeWait, stillChange, SuddenOnset.NONE);
        }

        /** The run rule without still onsets. */
        public Settings(int minFrames, double keyframeWait, double stillChange, SuddenOnset onset) {
            this(minFrames, keyframeWait, stillChange, onset, StillOnset.NONE);
        }

        /** These settings with another sudden-onset rule. */
        public Settings withOnset(SuddenOnset other) {
            return new Settings(minFrames, keyframeWait, stillChange, other, stillOnset);
        }

        /** These settings with another still-onset rule. */
        public Settings withStillOnset(StillOnset other) {
            return new Settings(minFrames, keyframeWait, stillChange, onset, other);
        }
    }

    /**
     * A lone picture that starts a corruption: its probability is at least {@code probability} (and the model's
     * threshold), the {@code quietPictures} pictures before it all moved, all scored below {@code quietBelow} and
     * all belong to its shot, less than {@code newShotShare} of its 16x16 squares changed their mean level by 8 or
     * more, and the picture after it is not still. Damage shows most in the picture where it begins, because the
     * model compares each picture with the one before it; in the pictures after, the damage stands where it was and
     * often looks clean to the model, so the row that would start a run never comes (on the committed model's 72
     * test streams, 14 of the 28 corruptions the rows missed began with a picture at 0.6 or more whose next picture
     * scored 0.3 or less).
     * <ul>
     *   <li>The quiet stretch keeps out content the model is unsure of throughout (a clean texture that flickers
     *   between 0.3 and 1.0).</li>
     *   <li>Moving pictures only, because the end of a freeze jumps like damage.</li>
     *   <li>Not a new shot: the model flags a quarter of scene cuts, and a cut changes the levels of the whole
     *   picture, where damage changes part of it. Nor the first pictures after a cut: what the model said of the
     *   shot before says nothing of this one.</li>
     *   <li>The picture after must move, because the first picture of a freeze can score high too.</li>
     * </ul>
     *
     * @param probability   the least probability of the lone picture (above 1: no picture is a sudden onset)
     * @param quietBelow    the pictures before it scored below this
     * @param quietPictures how many pictures before it must be quiet
     * @param newShotShare  a picture with this share of its squares changed or more is a new shot, not an onset
     */
    public record SuddenOnset(double probability, double quietBelow, int quietPictures, double newShotShare) {
        /** Never: only rows of pictures start a corruption. */
        public static final SuddenOnset NONE = new SuddenOnset(2, 0, 1, 0);

        /**
         * A picture at 0.95 or more after 8 moving pictures below 0.2, with less than 0.6 of its squares changed.
         * Chosen by replaying the rule over the committed model's probabilities: on its validation streams (with and
         * without freezes) and clean validation streams, 0.85 to 0.9 with 4 or 8 quiet pictures below 0.2, or 8
         * below 0.3, start no run matching no event; 8 below 0.2 is the strictest of them. 0.9 then started a false
         * run on a clean texture of the 108 test streams of {@code --streams-per-kind 36} (a picture at 0.933), so
         * 0.95, which finds one validation event fewer. The new-shot share: on the two {@code cuts} suites, the 14
         * cuts that passed the other tests had 0.78 to 0.91 of their squares changed; damage onsets on the
         * validation and test streams had 0 to 0.15 on {@code patterns} and {@code texture}, and 0 to 0.83 on
         * {@code noise}, where fresh grain and large concealed areas change much of the picture. 0.6 to 0.75 found
         * the same validation events (0.5 one fewer); 0.6 keeps the widest margin below the cuts.
         */
        public static final SuddenOnset DEFAULT = new SuddenOnset(0.95, 0.2, 8, 0.6);

        /** The side of the squares, at the model's input size, and the change of their mean level that counts. */
        static final int SQUARE = 16;
        static final double SQUARE_CHANGE = 8;

        public SuddenOnset {
            if (!(probability > 0) || quietBelow < 0 || quietBelow > 1 || quietPictures < 1 || newShotShare < 0) {
                throw new IllegalArgumentException("a sudden onset needs a probability above 0, a quiet level in "
                        + "[0, 1], at least 1 quiet picture and a new-shot share of at least 0, got " + probability
                        + ", " + quietBelow + ", " + quietPictures + ", " + newShotShare);
            }
        }

        /** Whether the pair looks like a new shot rather than the start of damage. */
        public boolean newShot(FramePair pair) {
            return pair.changedBlockShare(SQUARE, SQUARE_CHANGE) >= newShotShare;
        }
    }

    /**
     * A keyframe that starts a corruption on a picture that stands still: the {@code quietPictures} pictures before
     * it were still and outside any corruption, it is not still itself nor a new shot (less than {@code
     * newShotShare} of its 16x16 squares changed their mean level by 8 or more, as for {@link SuddenOnset#newShot}),
     * at least {@code shiftedSquares} of its 4x4 squares (a 16x16 macroblock of a 720p picture, at the model's input
     * size) were flat in the picture before (no two levels more than {@value #FLAT} apart) and moved their mean level
     * by {@value #LEVELS} or more, and the picture after it is still. The corruption then lasts, like any other, to
     * the next keyframe the model judges clean.
     * <ul>
     *   <li>Keyframes only: on a still picture a predicted picture copies its blocks from the one before, so damage
     *   to it leaves no trace; only an intra-coded picture brings damage that stands.</li>
     *   <li>Flat squares only: a keyframe that codes a still, detailed picture anew (a frozen page of text) changes
     *   its detail by up to 16 levels in a tile, but not the mean of a flat square.</li>
     *   <li>Still after it: the damage stands until the next keyframe. A change followed by motion is content.</li>
     *   <li>Quiet before it outside any corruption: the keyframe that repairs a damaged still picture shifts the same
     *   squares back.</li>
     * </ul>
     *
     * @param quietPictures  still pictures, outside any corruption, before the keyframe
     * @param shiftedSquares flat squares that moved, at least
     * @param newShotShare   a keyframe with this share of its 16x16 squares changed or more is a new shot (a cut to
     *                       another still picture), not damage
     */
    public record StillOnset(int quietPictures, int shiftedSquares, double newShotShare) {
        /** Never: the model alone judges still pictures (and the still rule ignores them). */
        public static final StillOnset NONE = new StillOnset(1, Integer.MAX_VALUE, 0);

        /**
         * 8 still pictures, then a keyframe with 16 flat squares shifted and less than 0.6 of its squares changed,
         * the sudden onset's new-shot share (docs/corruption-model.md, "Session 9").
         */
        public static final StillOnset DEFAULT = new StillOnset(8, 16, 0.6);

        /** The side of the squares at the model's input size, their flatness and the shift that counts. */
        static final int SQUARE = 4;
        static final int FLAT = 3;
        static final double LEVELS = 4;

        public StillOnset {
            if (quietPictures < 1 || shiftedSquares < 1 || newShotShare < 0) {
                throw new IllegalArgumentException("a still onset needs at least 1 quiet picture, 1 shifted square "
                        + "and a new-shot share of at least 0, got " + quietPictures + ", " + shiftedSquares + ", "
                        + newShotShare);
            }
        }

        /**
         * Whether the pair looks like a damaged keyframe of a still picture: enough flat squares shifted, and not
         * a new shot.
         */
        public boolean looksDamaged(FramePair pair) {
            return shiftedSquares != Integer.MAX_VALUE
                    && pair.shiftedFlatSquares(SQUARE, FLAT, LEVELS) >= shiftedSquares
                    && pair.changedBlockShare(SuddenOnset.SQUARE, SuddenOnset.SQUARE_CHANGE) < newShotShare;
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
        /** Moving pictures in a row, up to the last one, that the model judged plainly clean. */
        int quiet;
        /** Still pictures in a row, up to the last one, outside any corruption. */
        int stillQuiet;
        /**
         * A lone picture that starts a corruption if the next picture moves (a sudden onset) or, for a still
         * onset, stands still; and when it was shown.
         */
        boolean onsetPending;
        boolean onsetOnStill;
        double onsetTime;
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
            float probability = probabilities.get(i);
            FramePair pair = pairs.get(i);
            boolean still = needsStillness(state, probability) && pair.isStill(settings.stillChange());
            Picture picture = new Picture(frame.time(), frame.keyframe(), probability, still,
                    () -> settings.onset().newShot(pair), () -> settings.stillOnset().looksDamaged(pair));
            onDecision(settings, state, picture, model.description().threshold(), out);
        }
        return state;
    }

    /**
     * Whether the run rule can use this picture's stillness. A still picture is read whole to know it (session 6's
     * model-bench put a whole read at a fifth of the model per picture); a moving one is known within its first rows.
     * Without still onsets, stillness changes nothing for a picture between the quiet level and the threshold outside
     * a run: that picture is neither quiet nor flagged. A still onset needs every picture's: its stretch is of still
     * pictures, whatever the model says of them.
     */
    private boolean needsStillness(State state, float probability) {
        return state.inRun || state.onsetPending || settings.stillOnset() != StillOnset.NONE
                || probability >= model.description().threshold() || probability < settings.onset().quietBelow();
    }

    /**
     * What the run rule knows of one picture.
     *
     * @param time        when it is shown, in seconds
     * @param keyframe    whether it is a keyframe
     * @param probability the model's probability that it is corrupted
     * @param still       whether it hardly differs from the picture before it
     * @param newShot     whether it changed its levels almost everywhere ({@link SuddenOnset#newShot}), asked only
     *                    where an onset depends on it, since measuring it reads a quarter of the picture
     * @param stillDamage whether it looks like a damaged keyframe of a still picture ({@link
     *                    StillOnset#looksDamaged}), asked only of a keyframe after a still stretch
     */
    public record Picture(double time, boolean keyframe, double probability, boolean still, BooleanSupplier newShot,
                          BooleanSupplier stillDamage) {

        /** A picture for a run rule without still onsets. */
        public Picture(double time, boolean keyframe, double probability, boolean still, BooleanSupplier newShot) {
            this(time, keyframe, probability, still, newShot, () -> false);
        }
    }

    /**
     * The run rule alone: one picture moves the state on and reports a corruption that ends. Training replays it
     * over stored probabilities to choose the threshold.
     */
    public static State onDecision(Settings settings, State state, Picture picture, double threshold,
                                   Consumer<Defect> out) {
        boolean still = picture.still();
        boolean corrupted = picture.probability() >= threshold;
        if (state.onsetPending) {
            state.onsetPending = false;
            // A sudden onset followed by a still picture was the first picture of a freeze; a still onset followed
            // by motion was content that changed.
            if (still == state.onsetOnStill) {
                state.inRun = true;
                state.runStart = state.onsetTime;
                state.clean = false;
            }
        }
        SuddenOnset onset = settings.onset();
        boolean quietBefore = state.quiet >= onset.quietPictures();
        // Only pictures of the same shot say that the model is sure of this content: a cut starts the count again.
        boolean quiet = !still && picture.probability() < onset.quietBelow() && !picture.newShot().getAsBoolean();
        state.quiet = quiet ? state.quiet + 1 : 0;
        boolean stillQuietBefore = state.stillQuiet >= settings.stillOnset().quietPictures();
        state.stillQuiet = still && !state.inRun ? state.stillQuiet + 1 : 0;
        onRow(settings, state, picture.time(), picture.keyframe(), corrupted, still, out);
        if (!state.inRun && quietBefore && !still && corrupted && picture.probability() >= onset.probability()
                && !picture.newShot().getAsBoolean()) {
            pend(state, picture.time(), false);
        } else if (!state.inRun && stillQuietBefore && picture.keyframe() && !still
                && picture.stillDamage().getAsBoolean()) {
            pend(state, picture.time(), true);
        }
        return state;
    }

    private static void pend(State state, double time, boolean onStill) {
        state.onsetPending = true;
        state.onsetOnStill = onStill;
        state.onsetTime = time;
    }

    /** The rows of flagged pictures that start a run, and the keyframe or clean stretch that ends it. */
    private static State onRow(Settings settings, State state, double time, boolean keyframe, boolean corrupted,
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
        if (state.onsetPending && !state.inRun) {
            // Nothing after the lone picture says it was the first of a freeze.
            state.inRun = true;
            state.runStart = state.onsetTime;
        }
        state.onsetPending = false;
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
