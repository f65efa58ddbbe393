package avmon.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private final Evaluator evaluator = new Evaluator();

    private static GroundTruth truth(Defect... defects) {
        return new GroundTruth("s1", 1, 20, 25, 2, true, true, true, List.of(defects));
    }

    private static Defect defect(DefectType type, double start, double end) {
        return new Defect(type, start, end, null, null);
    }

    private static Defect open(DefectType type, double start) {
        return new Defect(type, start, null, null, null);
    }

    @Test
    void score_overlappingDetectionOfSameType_matchesWithSignedErrors() {
        StreamScore score = evaluator.score(truth(defect(DefectType.FREEZE, 3.0, 6.2)),
                List.of(defect(DefectType.FREEZE, 3.04, 6.16)));

        assertEquals(1, score.matches().size(), "overlapping same-type ranges match");
        assertEquals(0.04, score.matches().get(0).startError(), 1e-9, "detected start minus true start");
        assertEquals(-0.04, score.matches().get(0).endError(), 1e-9, "detected end minus true end");
    }

    @Test
    void score_overlappingDetectionOfOtherType_doesNotMatch() {
        StreamScore score = evaluator.score(truth(defect(DefectType.FREEZE, 3.0, 6.2)),
                List.of(defect(DefectType.BLACK, 3.0, 6.2)));

        assertEquals(List.of(), score.matches(), "types must agree");
        assertEquals(1, score.missed().size(), "the freeze is missed");
        assertEquals(1, score.falseDetections().size(), "the black is a false detection");
    }

    @Test
    void score_oneDetectionOverTwoTruths_matchesOnlyOne() {
        StreamScore score = evaluator.score(
                truth(defect(DefectType.SILENCE, 2, 4), defect(DefectType.SILENCE, 5, 8)),
                List.of(defect(DefectType.SILENCE, 2, 8)));

        assertEquals(1, score.matches().size(), "each detection matches at most one truth");
        assertEquals(1, score.missed().size(), "the other truth is missed");
    }

    @Test
    void score_twoDetectionsForOneTruth_matchesTheLargerOverlap() {
        StreamScore score = evaluator.score(truth(defect(DefectType.BLACK, 2, 8)),
                List.of(defect(DefectType.BLACK, 1, 2.5), defect(DefectType.BLACK, 3, 8)));

        assertEquals(3.0, score.matches().get(0).detected().start(), "the detection overlapping more is chosen");
        assertEquals(1, score.falseDetections().size(), "the other one is a false detection");
    }

    @Test
    void score_rangesTouchingOnly_doNotMatch() {
        StreamScore score = evaluator.score(truth(defect(DefectType.BLACK, 2, 4)),
                List.of(defect(DefectType.BLACK, 4, 6)));

        assertEquals(List.of(), score.matches(), "end is exclusive: [2,4) and [4,6) do not overlap");
    }

    @Test
    void endError_bothOpen_isZero_andOneOpen_usesStreamEnd() {
        StreamScore bothOpen = evaluator.score(truth(open(DefectType.FREEZE, 15)),
                List.of(open(DefectType.FREEZE, 15)));
        StreamScore oneOpen = evaluator.score(truth(open(DefectType.BLACK, 15)),
                List.of(defect(DefectType.BLACK, 15, 19.96)));

        assertEquals(0, bothOpen.matches().get(0).endError(), "both run to the end");
        assertEquals(-0.04, oneOpen.matches().get(0).endError(), 1e-9, "open end counts as the stream's 20 s");
    }

    @Test
    void report_perType_precisionRecallAndValueError() {
        Defect trueSync = new Defect(DefectType.AV_SYNC, 4.5, 10.5, 0.12, null);
        StreamScore score = evaluator.score(truth(trueSync, defect(DefectType.FREEZE, 3, 6)),
                List.of(new Defect(DefectType.AV_SYNC, 4.5, 10.5, 0.11, "av_sync"),
                        defect(DefectType.FREEZE, 3, 6), defect(DefectType.FREEZE, 12, 15)));

        EvaluationReport report = EvaluationReport.of(List.of(score), List.of());

        TypeScore freeze = report.type(DefectType.FREEZE);
        assertEquals(0.5, freeze.precision(), "one of two freeze detections is true");
        assertEquals(1.0, freeze.recall(), "the one true freeze is found");
        TypeScore sync = report.type(DefectType.AV_SYNC);
        assertEquals(0.01, sync.valueError().maxAbs(), 1e-9, "offset error");
        assertEquals(-0.01, sync.valueError().bias(), 1e-9, "signed: measured lower than true");
        assertNull(report.type(DefectType.BLACK).precision(), "no black detections: precision undefined");
    }

    @Test
    void toTable_listsEveryTypeAndFailures() {
        EvaluationReport report = EvaluationReport.of(List.of(),
                List.of(new StreamFailure("s9", "input is not media")));

        String table = report.toTable();
        for (DefectType type : DefectType.values()) {
            assertTrue(table.contains(type.jsonName()), () -> "row for " + type + " in:\n" + table);
        }
        assertTrue(table.contains("failed: s9: input is not media"), () -> "failure line in:\n" + table);
    }

    @Test
    void toJson_holdsTypeScoresAndStreams() throws Exception {
        StreamScore score = evaluator.score(truth(defect(DefectType.FREEZE, 3, 6)),
                List.of(defect(DefectType.FREEZE, 3, 6)));

        JsonNode json = new ObjectMapper().readTree(EvaluationReport.of(List.of(score), List.of()).toJson());

        assertEquals("freeze", json.at("/types/0/type").asText(), "types in DefectType order");
        assertEquals(1.0, json.at("/types/0/recall").asDouble(), "recall written");
        assertEquals("s1", json.at("/streams/0/streamId").asText(), "per-stream detail written");
    }
}
