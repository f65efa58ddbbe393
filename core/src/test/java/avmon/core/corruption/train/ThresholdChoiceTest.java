package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.corruption.train.ThresholdChoice.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdChoiceTest {

    @Test
    void choose_separable_lowestProbabilityOfTheCorrupted() {
        List<Scored> scored = List.of(new Scored(0.9f, true), new Scored(0.7f, true), new Scored(0.4f, false),
                new Scored(0.1f, false));
        assertEquals(0.7, ThresholdChoice.choose(scored, 0.95), 1e-6, "every corrupted picture at or above, no clean one");
    }

    @Test
    void choose_overlap_keepsThePrecisionTarget() {
        List<Scored> scored = List.of(new Scored(0.9f, true), new Scored(0.8f, true), new Scored(0.6f, false),
                new Scored(0.5f, true), new Scored(0.2f, false));
        assertEquals(0.8, ThresholdChoice.choose(scored, 0.95), 1e-6,
                "0.5 would take in the clean 0.6 (precision 0.75): stop at 0.8");
        assertEquals(0.5, ThresholdChoice.choose(scored, 0.7), 1e-6, "a lower target lets the threshold go to 0.5");
    }

    @Test
    void choose_targetUnreachable_bestF1() {
        List<Scored> scored = List.of(new Scored(0.9f, false), new Scored(0.8f, true), new Scored(0.3f, true));
        assertEquals(0.3, ThresholdChoice.choose(scored, 0.99), 1e-6, "F1 0.8 at 0.3 beats 0.5 at 0.8");
    }
}
