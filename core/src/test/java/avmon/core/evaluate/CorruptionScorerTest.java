package avmon.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorruptionScorerTest {

    private static final int FRAMES = 100;

    private final CorruptionScorer scorer = new CorruptionScorer(new Evaluator());

    private static double[] times() {
        double[] t = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            t[i] = i / 25.0;
        }
        return t;
    }

    private static Defect corruption(double start, Double end, String detector) {
        return new Defect(DefectType.BLOCK_CORRUPTION, start, end, null, detector);
    }

    private static GroundTruth truth(String id, List<Defect> defects) {
        return new GroundTruth(id, 0, 4.0, 25, 2, true, true, false, defects);
    }

    /** Truth [1, 2): pictures 25..49. Decoder errors see [1, 1.6), the model [1.4, 2); blockdetect 5 on 25..49, 4 on 80. */
    private static CorruptionObservation damaged() {
        double[] metric = new double[FRAMES];
        Arrays.fill(metric, 1.0);
        Arrays.fill(metric, 25, 50, 5.0);
        metric[80] = 4.0;
        return new CorruptionObservation(truth("damaged", List.of(corruption(1.0, 2.0, null))), times(),
                List.of(corruption(1.0, 1.6, "decoder_errors"), corruption(1.4, 2.0, "model"),
                        new Defect(DefectType.FREEZE, 0.0, 3.0, null, "freeze")),
                Map.of("blockdetect", metric));
    }

    private SignalScore only(CorruptionSignal signal, CorruptionObservation... streams) {
        return scorer.score(List.of(signal), List.of(streams)).get(0);
    }

    @Test
    void score_detectorEndingEarly_fullPrecisionPartRecallAndEndError() {
        SignalScore s = only(new CorruptionSignal.Detected("decoder_errors", "decoder_errors"), damaged());

        assertEquals(25, s.corruptFrames(), "pictures 25..49 are corrupted");
        assertEquals(15, s.flaggedFrames(), "pictures 25..39 flagged");
        assertEquals(1.0, s.framePrecision(), "all flagged pictures are corrupted");
        assertEquals(0.6, s.frameRecall(), 1e-9, "15 of 25");
        assertEquals(1.0, s.defectRecall(), "the defect is found");
        assertEquals(-0.4, s.endError().bias(), 1e-9, "ends 0.4 s early");
        assertEquals(0, s.falseAlarms(), "the freeze is not a corruption alarm");
    }

    @Test
    void score_either_mergesOverlappingDefectsIntoOne() {
        SignalScore s = only(new CorruptionSignal.Either("combined", List.of("decoder_errors", "model")), damaged());

        assertEquals(1, s.detections(), "[1, 1.6) and [1.4, 2) merge");
        assertEquals(1.0, s.frameRecall(), "together they cover every corrupted picture");
        assertEquals(0.0, s.endError().maxAbs(), 1e-9, "and end on time");
    }

    @Test
    void score_thresholdedWithoutThreshold_choosesBestF1() {
        SignalScore s = only(new CorruptionSignal.Thresholded("blockdetect", "blockdetect", null), damaged());

        assertEquals(5.0, s.threshold(), "5 flags exactly the corrupted pictures; 4 would add picture 80");
        assertEquals(1.0, s.framePrecision(), "precision at the best threshold");
        assertEquals(1.0, s.frameRecall(), "recall at the best threshold");
        assertEquals(0, s.falseAlarms(), "no false alarm");
    }

    @Test
    void score_thresholdedWithGivenThreshold_countsFalseAlarmsPerMinute() {
        SignalScore s = only(new CorruptionSignal.Thresholded("blockdetect", "blockdetect", 4.0), damaged());

        assertEquals(26, s.flaggedFrames(), "picture 80 too");
        assertEquals(1, s.falseAlarms(), "its run matches no corruption");
        assertEquals(15.0, s.falseAlarmsPerMinute(), 1e-9, "one alarm in four seconds");
    }

    @Test
    void score_thresholdedOnCleanStreamsOnly_unavailableWithReason() {
        CorruptionObservation clean = new CorruptionObservation(truth("clean", List.of()), times(), List.of(),
                Map.of("blockdetect", new double[FRAMES]));

        SignalScore s = only(new CorruptionSignal.Thresholded("blockdetect", "blockdetect", null), clean);

        assertFalse(s.available(), "no corrupted picture to choose a threshold on");
        assertTrue(s.note().contains("give one"), () -> "the note says what to do: " + s.note());
    }

    @Test
    void score_unavailableSignal_listedWithReason() {
        SignalScore s = only(new CorruptionSignal.Unavailable("model", "no model file"), damaged());

        assertFalse(s.available(), "not scored");
        assertEquals("no model file", s.note(), "the reason is kept");
    }

    @Test
    void score_detectionRunningToTheEnd_coversTheLastPictures() {
        CorruptionObservation tail = new CorruptionObservation(truth("tail", List.of(corruption(3.0, null, null))),
                times(), List.of(corruption(3.2, null, "decoder_errors")), Map.of());

        SignalScore s = only(new CorruptionSignal.Detected("decoder_errors", "decoder_errors"), tail);

        assertEquals(20, s.flaggedFrames(), "pictures 80..99 flagged by an open end");
        assertEquals(0.0, s.endError().maxAbs(), "two open ends: no end error");
        assertEquals(0.2, s.startError().maxAbs(), 1e-9, "starts 0.2 s late");
    }
}
