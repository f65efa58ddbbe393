package avmon.core.evaluate;

import avmon.core.detect.Defect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches detections against ground truth with the rules of {@code docs/ground-truth.md}: a detection
 * matches a true defect of the same type when their time ranges overlap, each true defect and each
 * detection at most once. True defects are taken in start order, each matched with the free detection
 * that overlaps it most, so that one long detection covering two short truths counts once.
 */
public final class Evaluator {

    /** Scores the detections of one stream. */
    public StreamScore score(GroundTruth truth, List<Defect> detected) {
        List<Defect> free = new ArrayList<>(detected);
        List<Match> matches = new ArrayList<>();
        List<Defect> missed = new ArrayList<>();
        List<Defect> truths = new ArrayList<>(truth.defects());
        truths.sort(Comparator.comparingDouble(Defect::start));
        for (Defect real : truths) {
            Defect best = null;
            double bestOverlap = 0;
            for (Defect candidate : free) {
                double overlap = overlap(real, candidate, truth.duration());
                if (candidate.type() == real.type() && overlap > bestOverlap) {
                    best = candidate;
                    bestOverlap = overlap;
                }
            }
            if (best == null) {
                missed.add(real);
            } else {
                free.remove(best);
                matches.add(new Match(real, best, truth.duration()));
            }
        }
        return new StreamScore(truth.streamId(), matches, free, missed);
    }

    /** Length of the common part of two ranges, open ends at the end of the stream; 0 when apart. */
    static double overlap(Defect a, Defect b, double streamEnd) {
        double start = Math.max(a.start(), b.start());
        double end = Math.min(Match.endOf(a, streamEnd), Match.endOf(b, streamEnd));
        return Math.max(0, end - start);
    }
}
