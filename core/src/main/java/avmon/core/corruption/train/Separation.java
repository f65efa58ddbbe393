package avmon.core.corruption.train;

import avmon.core.detect.Defect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How far a model's probabilities set the true corruptions apart from clean pictures, before any run rule: for
 * each event, its highest-scoring moving picture, against the high end of what the moving pictures of the clean
 * streams score.
 *
 * <p>Why: the detector must raise no alarm over minutes of clean pictures, so a run rule can only start on what
 * scores above nearly every clean picture. An event whose best picture stays below the clean pictures' 99th
 * percentile cannot be found by any rule without inventing runs; one above the clean maximum can be found by one
 * picture alone. The count says what a better run rule could still win from a model, and what only a better model
 * can. Still pictures are left out on both sides, as the detector leaves them out. The clean pictures of damaged
 * streams are left out too: the keyframe that repairs damage changes the picture as much as the damage did, and
 * pictures whose damage is below the labels' threshold look damaged, yet both are labelled clean.
 *
 * @param cleanPictures   moving pictures of the streams without corruption (each stream's first picture, which
 *                        has no picture before it, is not counted)
 * @param cleanTop1       the probability that 99% of them score at or below
 * @param cleanTop01      the probability that 99.9% of them score at or below
 * @param cleanMax        the highest probability of a clean moving picture
 * @param events          true corruption events
 * @param aboveTop1       events with a moving picture that scores above {@code cleanTop1}
 * @param aboveTop01      events with a moving picture that scores above {@code cleanTop01}
 * @param aboveMax        events with a moving picture that scores above {@code cleanMax}
 */
public record Separation(int cleanPictures, double cleanTop1, double cleanTop01, double cleanMax, int events,
                         int aboveTop1, int aboveTop01, int aboveMax) {

    /**
     * Measures the streams with the model's probability of every picture (one list per stream).
     *
     * @param still per stream, which pictures are still ({@link ModelEvaluation.Motion#still()})
     */
    public static Separation of(List<LabelledStream> streams, List<List<Float>> probabilities, List<boolean[]> still) {
        List<Float> clean = new ArrayList<>();
        List<Float> bestOfEvents = new ArrayList<>();
        for (int k = 0; k < streams.size(); k++) {
            LabelledStream s = streams.get(k);
            List<Float> p = probabilities.get(k);
            boolean[] moving = new boolean[s.size()];
            for (int i = 1; i < s.size(); i++) {
                moving[i] = !still.get(k)[i];
                if (moving[i] && s.truth().isEmpty()) {
                    clean.add(p.get(i));
                }
            }
            for (Defect truth : s.truth()) {
                float best = 0;
                for (int i = 0; i < s.size(); i++) {
                    if (moving[i] && StreamLabeller.covered(List.of(truth), s.times()[i])) {
                        best = Math.max(best, p.get(i));
                    }
                }
                bestOfEvents.add(best);
            }
        }
        if (clean.isEmpty()) {
            return new Separation(0, Double.NaN, Double.NaN, Double.NaN, bestOfEvents.size(), 0, 0, 0);
        }
        Collections.sort(clean);
        double top1 = atOrBelow(clean, 0.99);
        double top01 = atOrBelow(clean, 0.999);
        double max = clean.get(clean.size() - 1);
        return new Separation(clean.size(), top1, top01, max, bestOfEvents.size(), above(bestOfEvents, top1),
                above(bestOfEvents, top01), above(bestOfEvents, max));
    }

    /** The smallest of the sorted values that {@code share} of them are at or below. */
    private static double atOrBelow(List<Float> sorted, double share) {
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static int above(List<Float> values, double level) {
        return (int) values.stream().filter(v -> v > level).count();
    }
}
