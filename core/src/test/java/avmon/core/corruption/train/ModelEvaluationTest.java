package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelEvaluationTest {

    /** Ten pictures at 25 a second, corrupted from {@code first} to before 8. */
    private static LabelledStream stream(String id, int first) {
        int n = 10;
        List<byte[]> pictures = new ArrayList<>();
        List<byte[]> changes = new ArrayList<>();
        double[] times = new double[n];
        boolean[] keyframes = new boolean[n];
        boolean[] corrupted = new boolean[n];
        for (int i = 0; i < n; i++) {
            pictures.add(new byte[64]);
            changes.add(new byte[4]);
            times[i] = i * 0.04;
            keyframes[i] = i == 0 || i == 8;
            corrupted[i] = i >= first && i < 8;
        }
        TrainingStream planned = new TrainingStream(id, Split.TEST, PictureContent.TEXT, new PictureSize(64, 36), 1,
                List.of(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, first * 0.04, 0.04)), VideoEncoding.DEFAULT);
        return new LabelledStream(planned, 8, 8, pictures, times, keyframes, corrupted, changes,
                List.of(new Defect(DefectType.BLOCK_CORRUPTION, first * 0.04, 8 * 0.04, null, null)), n * 0.04);
    }

    private static List<Float> probabilities(float first) {
        List<Float> p = new ArrayList<>(List.of(0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f));
        p.set(3, first);
        return p;
    }

    @Test
    void score_oneEventMissedOneFound_missedListsTheMissedOneWithItsFirstPicture() {
        List<LabelledStream> streams = List.of(stream("found", 3), stream("missed", 3));
        List<List<Defect>> reported = List.of(
                List.of(new Defect(DefectType.BLOCK_CORRUPTION, 0.12, 0.32, null, "corruption_model")), List.of());

        ModelEvaluation.Result r = ModelEvaluation.score(streams, List.of(probabilities(0.9f), probabilities(0.65f)),
                reported, 0.7);

        assertEquals(1, r.defects().found(), "the first stream's event overlaps its report");
        assertEquals(List.of(new ModelEvaluation.Missed("missed", 0.12, 5, 0.65f)), r.missed(),
                "the second stream's event, pictures 3 to 7, whose first picture the model put at 0.65");
    }
}
