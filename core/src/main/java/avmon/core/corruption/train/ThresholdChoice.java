package avmon.core.corruption.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the decision threshold on validation pictures: the lowest probability that still keeps precision at
 * or above a target (so recall is as high as that precision allows); when no threshold reaches the target,
 * the one with the best F1 score.
 */
public final class ThresholdChoice {

    private ThresholdChoice() {
    }

    /** A probability and whether its picture is corrupted. */
    public record Scored(float probability, boolean corrupted) {
    }

    /** The chosen threshold, strictly between 0 and 1. */
    public static double choose(List<Scored> scored, double targetPrecision) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort((a, b) -> Float.compare(b.probability(), a.probability()));
        long positives = sorted.stream().filter(Scored::corrupted).count();
        long tp = 0;
        long fp = 0;
        double best = 0.5;
        double bestF1 = -1;
        double lowestPrecise = Double.NaN;
        for (int i = 0; i < sorted.size(); i++) {
            Scored s = sorted.get(i);
            tp += s.corrupted() ? 1 : 0;
            fp += s.corrupted() ? 0 : 1;
            boolean lastOfTies = i + 1 == sorted.size() || sorted.get(i + 1).probability() < s.probability();
            if (!lastOfTies) {
                continue;
            }
            double precision = (double) tp / (tp + fp);
            double recall = positives == 0 ? 1 : (double) tp / positives;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (precision >= targetPrecision) {
                lowestPrecise = s.probability();
            }
            if (f1 > bestF1) {
                bestF1 = f1;
                best = s.probability();
            }
        }
        double chosen = Double.isNaN(lowestPrecise) ? best : lowestPrecise;
        return Math.min(0.999, Math.max(0.001, chosen));
    }
}
