package avmon.core.corruption.train;

import avmon.core.corruption.CorruptionModelDetector;
import avmon.core.detect.Defect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Picks the decision threshold with the detector's run rule in the loop: a picture flagged by mistake can start
 * a run that lasts to the next keyframe, so what a threshold costs shows only in the runs it makes. Each
 * probability seen on the validation streams is tried; a threshold qualifies when no reported run matches no
 * event; of those, the one whose pictures inside runs score the best F0.5 (precision weighs twice as much as
 * recall) wins, the higher threshold on a tie. When none qualifies, the picture-level choice of {@link
 * ThresholdChoice} for the target precision stands.
 */
public final class RunThresholdChoice {

    private RunThresholdChoice() {
    }

    /** The chosen threshold, strictly between 0 and 1. */
    public static double choose(List<LabelledStream> validation, List<List<Float>> probabilities,
                                CorruptionModelDetector.Settings settings, double targetPrecision) {
        TreeSet<Float> candidates = new TreeSet<>(Comparator.reverseOrder());
        List<ThresholdChoice.Scored> scored = new ArrayList<>();
        for (int k = 0; k < validation.size(); k++) {
            for (int i = 0; i < validation.get(k).size(); i++) {
                candidates.add(probabilities.get(k).get(i));
                scored.add(new ThresholdChoice.Scored(probabilities.get(k).get(i), validation.get(k).corrupted()[i]));
            }
        }
        List<ModelEvaluation.Motion> motion = validation.stream().map(s -> ModelEvaluation.Motion.of(s, settings)).toList();
        Separation separation = Separation.of(validation, probabilities,
                motion.stream().map(ModelEvaluation.Motion::still).toList());
        double best = Double.NaN;
        ModelEvaluation.Result bestResult = null;
        for (float candidate : candidates) {
            double threshold = Math.min(0.999, Math.max(0.001, candidate));
            ModelEvaluation.Result r = score(validation, probabilities, motion, separation, threshold, settings);
            boolean qualifies = r.defects().falseDefects() == 0;
            if (qualifies && (bestResult == null || better(r, bestResult))) {
                best = threshold;
                bestResult = r;
            }
        }
        return Double.isNaN(best) ? ThresholdChoice.choose(scored, targetPrecision) : best;
    }

    private static ModelEvaluation.Result score(List<LabelledStream> streams, List<List<Float>> probabilities,
                                                List<ModelEvaluation.Motion> motion, Separation separation,
                                                double threshold, CorruptionModelDetector.Settings settings) {
        List<List<Defect>> reported = new ArrayList<>();
        for (int k = 0; k < streams.size(); k++) {
            reported.add(ModelEvaluation.replay(streams.get(k), probabilities.get(k), motion.get(k), threshold, settings));
        }
        return ModelEvaluation.score(streams, probabilities, reported, threshold, separation);
    }

    /** Strictly better F0.5 of the pictures inside reported runs. */
    private static boolean better(ModelEvaluation.Result a, ModelEvaluation.Result b) {
        return fHalf(a.detected()) > fHalf(b.detected());
    }

    /** F-beta with beta 0.5: 1.25 P R / (0.25 P + R); 0 when nothing was found. */
    static double fHalf(Confusion c) {
        double p = c.precision();
        double r = c.recall();
        return p + r == 0 || c.truePositives() == 0 ? 0 : 1.25 * p * r / (0.25 * p + r);
    }
}
