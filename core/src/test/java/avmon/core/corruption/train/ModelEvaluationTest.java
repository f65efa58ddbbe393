package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelEvaluationTest {

    private static List<Float> probabilities(float first) {
        List<Float> p = new ArrayList<>(List.of(0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f));
        p.set(3, first);
        return p;
    }

    @Test
    void score_oneEventMissedOneFound_missedListsTheMissedOneWithItsFirstPicture() {
        List<LabelledStream> streams = List.of(TestStreams.tenPictures("found", Split.TEST, 3),
                TestStreams.tenPictures("missed", Split.TEST, 3));
        List<List<Defect>> reported = List.of(
                List.of(new Defect(DefectType.BLOCK_CORRUPTION, 0.12, 0.32, null, "corruption_model")), List.of());

        List<List<Float>> probabilities = List.of(probabilities(0.9f), probabilities(0.65f));
        Separation separation = Separation.of(streams, probabilities, List.of(new boolean[10], new boolean[10]));
        ModelEvaluation.Result r = ModelEvaluation.score(streams, probabilities, reported, 0.7, separation);

        assertEquals(1, r.defects().found(), "the first stream's event overlaps its report");
        assertEquals(List.of(new ModelEvaluation.Missed("missed", 0.12, 5, 0.65f)), r.missed(),
                "the second stream's event, pictures 3 to 7, whose first picture the model put at 0.65");
    }
}
