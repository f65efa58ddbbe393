package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.corruption.CorruptionModelDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunThresholdChoiceTest {

    @Test
    void choose_lowerThresholdInventsARun_theLowestWithoutOne() {
        List<LabelledStream> streams = List.of(TestStreams.tenPictures("damaged", Split.VALIDATION, 3),
                TestStreams.tenPictures("clean", Split.VALIDATION, null));
        List<List<Float>> probabilities = List.of(
                List.of(0.1f, 0.1f, 0.1f, 0.9f, 0.8f, 0.2f, 0.2f, 0.2f, 0.1f, 0.1f),
                List.of(0.1f, 0.1f, 0.7f, 0.7f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f));

        double chosen = RunThresholdChoice.choose(streams, probabilities, new CorruptionModelDetector.Settings(2, 10, 0), 0.95);

        assertEquals(0.8, chosen, 1e-6, "0.9 flags one picture, too few for a run; 0.7 and below start a run in the"
                + " clean stream; 0.8 starts the true run at picture 3, held to the keyframe: F0.5 of 1");
    }
}
