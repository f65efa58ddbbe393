package avmon.core.corruption.train;

import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.CorruptionModelDetector;
import avmon.core.corruption.FramePair;
import avmon.core.detect.Defect;
import avmon.core.media.AnalysisFrame;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoCodec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a model on labelled streams the way the monitor uses it: each stream goes through {@link
 * CorruptionModelDetector}, and its defects are compared with the truth picture by picture and event by event.
 * The model's raw picture decisions (probability at or above the threshold, before the detector joins them into
 * runs) are scored too.
 */
public final class ModelEvaluation {

    /**
     * The scores.
     *
     * @param pictures       raw picture decisions of the model
     * @param detected       pictures inside a reported defect, against the labels
     * @param byContent      {@code detected} per picture content
     * @param byCodec        {@code detected} per video codec
     * @param defects        events found, missed and invented
     * @param cleanStreams   streams without corruption
     * @param cleanSeconds   their total length
     * @param cleanFalseDefects defects reported on them
     * @param missed         the events no reported defect overlaps, in stream order
     * @param separation     how far the model's probabilities set the events apart from clean pictures
     */
    public record Result(Confusion pictures, Confusion detected, Map<PictureContent, Confusion> byContent,
                         Map<VideoCodec, Confusion> byCodec, DefectScore defects, int cleanStreams, double cleanSeconds,
                         int cleanFalseDefects, List<Missed> missed, Separation separation) {
    }

    /**
     * A true corruption that the detector missed, with what the model said of its first picture: whether the
     * model did not see it (below the threshold) or the run rule did not start on what it saw.
     *
     * @param stream           the stream's id
     * @param start            when the corruption starts, in seconds
     * @param pictures         how many pictures it lasts
     * @param firstProbability the model's probability of its first picture
     */
    public record Missed(String stream, double start, int pictures, double firstProbability) {
    }

    private final CorruptionModel model;
    private final CorruptionModelDetector.Settings settings;

    public ModelEvaluation(CorruptionModel model, CorruptionModelDetector.Settings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** Scores the model on every stream, each through the detector itself. */
    public Result evaluate(List<LabelledStream> streams) {
        return evaluate(streams, List.of());
    }

    /**
     * Scores the model on every stream, each through the detector itself, and measures its {@link Separation}
     * against the clean streams among them and {@code moreClean}: a few clean streams hold too few pictures to
     * show the rare clean picture that scores high, which is what limits a run rule.
     */
    public Result evaluate(List<LabelledStream> streams, List<LabelledStream> moreClean) {
        List<List<Float>> probabilities = new ArrayList<>();
        List<List<Defect>> reported = new ArrayList<>();
        for (LabelledStream s : streams) {
            probabilities.add(probabilities(s));
            reported.add(detect(s));
        }
        List<LabelledStream> measured = new ArrayList<>(streams);
        List<List<Float>> measuredProbabilities = new ArrayList<>(probabilities);
        for (LabelledStream s : moreClean) {
            measured.add(s);
            measuredProbabilities.add(probabilities(s));
        }
        List<boolean[]> still = measured.stream().map(s -> Motion.of(s, settings).still()).toList();
        return score(streams, probabilities, reported, model.description().threshold(),
                Separation.of(measured, measuredProbabilities, still));
    }

    /**
     * The defects the detector's run rule makes of stored probabilities at {@code threshold}: what {@link
     * #detect} would report with that threshold, without running the network again.
     */
    public static List<Defect> replay(LabelledStream s, List<Float> probabilities, double threshold,
                                      CorruptionModelDetector.Settings settings) {
        return replay(s, probabilities, Motion.of(s, settings), threshold, settings);
    }

    /**
     * {@link #replay(LabelledStream, List, double, CorruptionModelDetector.Settings)} with the pictures' motion
     * given: a caller that replays many thresholds measures it once.
     */
    public static List<Defect> replay(LabelledStream s, List<Float> probabilities, Motion motion, double threshold,
                                      CorruptionModelDetector.Settings settings) {
        List<Defect> defects = new ArrayList<>();
        CorruptionModelDetector.State state = new CorruptionModelDetector.State();
        for (int i = 0; i < s.size(); i++) {
            boolean newShot = motion.newShot()[i];
            boolean stillDamage = motion.stillDamage()[i];
            CorruptionModelDetector.Picture picture = new CorruptionModelDetector.Picture(s.times()[i],
                    s.keyframes()[i], probabilities.get(i), motion.still()[i], () -> newShot, () -> stillDamage);
            state = CorruptionModelDetector.onDecision(settings, state, picture, threshold, defects::add);
        }
        CorruptionModelDetector.onStreamEnd(state, defects::add);
        return defects;
    }

    /**
     * What the run rule needs of each picture besides its probability, measured as the detector measures it.
     *
     * @param still   the picture hardly differs from the one before it ({@link
     *                CorruptionModelDetector.Settings#stillChange()})
     * @param newShot the picture changed its levels almost everywhere ({@link
     *                CorruptionModelDetector.SuddenOnset#newShot(avmon.core.corruption.FramePair)})
     * @param stillDamage the picture is a keyframe that looks like damage to a still picture ({@link
     *                CorruptionModelDetector.StillOnset#looksDamaged(avmon.core.corruption.FramePair)})
     */
    public record Motion(boolean[] still, boolean[] newShot, boolean[] stillDamage) {

        /** Measures every picture of the stream. */
        public static Motion of(LabelledStream s, CorruptionModelDetector.Settings settings) {
            boolean[] still = new boolean[s.size()];
            boolean[] newShot = new boolean[s.size()];
            boolean[] stillDamage = new boolean[s.size()];
            for (int i = 0; i < s.size(); i++) {
                still[i] = s.pair(i).isStill(settings.stillChange());
                newShot[i] = settings.onset().newShot(s.pair(i));
                stillDamage[i] = s.keyframes()[i] && settings.stillOnset().looksDamaged(s.pair(i));
            }
            return new Motion(still, newShot, stillDamage);
        }
    }

    /**
     * Scores given probabilities and reported defects (one list per stream) against the labels.
     *
     * @param separation what {@link Separation#of} measured of the same streams and probabilities, passed in
     *                   because it does not depend on the threshold or the run rule
     */
    public static Result score(List<LabelledStream> streams, List<List<Float>> probabilities,
                               List<List<Defect>> reportedPerStream, double threshold, Separation separation) {
        Confusion pictures = Confusion.EMPTY;
        Confusion detected = Confusion.EMPTY;
        Map<PictureContent, Confusion> byContent = new EnumMap<>(PictureContent.class);
        Map<VideoCodec, Confusion> byCodec = new EnumMap<>(VideoCodec.class);
        int events = 0;
        int found = 0;
        int falseDefects = 0;
        List<Integer> startErrors = new ArrayList<>();
        int cleanStreams = 0;
        double cleanSeconds = 0;
        int cleanFalse = 0;
        List<Missed> missed = new ArrayList<>();
        for (int k = 0; k < streams.size(); k++) {
            LabelledStream s = streams.get(k);
            List<Float> p = probabilities.get(k);
            List<Defect> reported = reportedPerStream.get(k);
            Confusion streamDetected = Confusion.EMPTY;
            for (int i = 0; i < s.size(); i++) {
                pictures = pictures.add(s.corrupted()[i], p.get(i) >= threshold);
                streamDetected = streamDetected.add(s.corrupted()[i], StreamLabeller.covered(reported, s.times()[i]));
            }
            detected = detected.plus(streamDetected);
            byContent.merge(s.stream().content(), streamDetected, Confusion::plus);
            byCodec.merge(s.stream().encoding().codec(), streamDetected, Confusion::plus);
            double frameRate = s.size() / s.duration();
            for (Defect truth : s.truth()) {
                events++;
                Defect match = reported.stream().filter(d -> overlaps(d, truth, s.duration())).findFirst().orElse(null);
                if (match != null) {
                    found++;
                    startErrors.add((int) Math.round(Math.abs(match.start() - truth.start()) * frameRate));
                } else {
                    missed.add(missed(s, p, truth));
                }
            }
            long invented = reported.stream().filter(d -> s.truth().stream().noneMatch(t -> overlaps(d, t, s.duration()))).count();
            falseDefects += (int) invented;
            if (s.truth().isEmpty()) {
                cleanStreams++;
                cleanSeconds += s.duration();
                cleanFalse += (int) invented;
            }
        }
        return new Result(pictures, detected, byContent, byCodec, new DefectScore(events, found, falseDefects, startErrors),
                cleanStreams, cleanSeconds, cleanFalse, missed, separation);
    }

    private static Missed missed(LabelledStream s, List<Float> probabilities, Defect truth) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < s.size(); i++) {
            if (StreamLabeller.covered(List.of(truth), s.times()[i])) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        return new Missed(s.stream().id(), truth.start(), count, first < 0 ? Double.NaN : probabilities.get(first));
    }

    /** The model's probability for every picture of the stream, in batches. */
    public List<Float> probabilities(LabelledStream s) {
        List<Float> out = new ArrayList<>();
        for (int from = 0; from < s.size(); from += 64) {
            List<FramePair> batch = new ArrayList<>();
            for (int i = from; i < Math.min(s.size(), from + 64); i++) {
                batch.add(s.pair(i));
            }
            out.addAll(model.probabilities(batch));
        }
        return out;
    }

    /** The defects the detector reports on the stream's pictures. */
    public List<Defect> detect(LabelledStream s) {
        CorruptionModelDetector detector = new CorruptionModelDetector(model, settings);
        List<Defect> defects = new ArrayList<>();
        CorruptionModelDetector.State state = detector.initialState();
        for (int i = 0; i < s.size(); i++) {
            AnalysisFrame frame = new AnalysisFrame(i, s.times()[i], s.width(), s.height(), s.pictures().get(i), List.of(),
                    s.keyframes()[i]);
            state = detector.onFrame(state, frame, defects::add);
        }
        detector.onEnd(state, s.duration(), defects::add);
        return defects;
    }

    private static boolean overlaps(Defect a, Defect b, double duration) {
        double aEnd = a.end() == null ? duration : a.end();
        double bEnd = b.end() == null ? duration : b.end();
        return a.start() < bEnd && b.start() < aEnd;
    }
}
