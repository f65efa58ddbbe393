package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.corruption.CorruptionModelDetector;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunThresholdChoiceTest {

    /** Ten pictures at 25 a second, keyframes at 0 and 8; corrupted from {@code first} to before 8 when given. */
    private static LabelledStream stream(String id, Integer first) {
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
            corrupted[i] = first != null && i >= first && i < 8;
        }
        List<InjectedDefect> damage = first == null ? List.of()
                : List.of(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, first * 0.04, 0.04));
        List<Defect> truth = first == null ? List.of()
                : List.of(new Defect(DefectType.BLOCK_CORRUPTION, first * 0.04, 8 * 0.04, null, null));
        TrainingStream planned = new TrainingStream(id, Split.VALIDATION, PictureContent.TEXT, new PictureSize(64, 36),
                1, damage, VideoEncoding.DEFAULT);
        return new LabelledStream(planned, 8, 8, pictures, times, keyframes, corrupted, changes, truth, n * 0.04);
    }

    @Test
    void choose_lowerThresholdInventsARun_theLowestWithoutOne() {
        List<LabelledStream> streams = List.of(stream("damaged", 3), stream("clean", null));
        List<List<Float>> probabilities = List.of(
                List.of(0.1f, 0.1f, 0.1f, 0.9f, 0.8f, 0.2f, 0.2f, 0.2f, 0.1f, 0.1f),
                List.of(0.1f, 0.1f, 0.7f, 0.7f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f));

        double chosen = RunThresholdChoice.choose(streams, probabilities, new CorruptionModelDetector.Settings(2, 10, 0), 0.95);

        assertEquals(0.8, chosen, 1e-6, "0.9 flags one picture, too few for a run; 0.7 and below start a run in the"
                + " clean stream; 0.8 starts the true run at picture 3, held to the keyframe: F0.5 of 1");
    }
}
