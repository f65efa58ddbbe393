package avmon.core.detect;

import static avmon.core.detect.SyntheticMedia.moving;
import static avmon.core.detect.SyntheticMedia.time;
import static avmon.core.detect.SyntheticMedia.withErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.media.AnalysisFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecoderErrorDetectorTest {

    private final DecoderErrorDetector detector = new DecoderErrorDetector(DecoderErrorDetector.Settings.DEFAULTS);

    private static List<AnalysisFrame> errorsAt(int count, Set<Integer> damaged) {
        List<AnalysisFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(damaged.contains(i) ? withErrors(moving(i)) : moving(i));
        }
        return frames;
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> set = new java.util.HashSet<>();
        for (int i = from; i < to; i++) {
            set.add(i);
        }
        return set;
    }

    @Test
    void onFrame_runOfPicturesWithErrors_reportsFirstErrorToFirstCleanPicture() {
        List<Defect> found = SyntheticMedia.run(detector, errorsAt(100, range(40, 65)), time(100));

        assertEquals(List.of(new Defect(DefectType.BLOCK_CORRUPTION, time(40), time(65), null, "decoder_errors")),
                found, "one run from the first damaged picture to the first clean one");
    }

    @Test
    void onFrame_cleanGapShorterThanMaxGap_isBridged() {
        Set<Integer> damaged = range(40, 50);
        damaged.addAll(range(54, 60));
        List<Defect> found = SyntheticMedia.run(detector, errorsAt(100, damaged), time(100));

        assertEquals(List.of(new Defect(DefectType.BLOCK_CORRUPTION, time(40), time(60), null, "decoder_errors")),
                found, "four clean pictures (0.16 s) inside the run do not split it");
    }

    @Test
    void onFrame_cleanGapOfMaxGap_splitsTheRun() {
        Set<Integer> damaged = range(40, 50);
        damaged.addAll(range(55, 60));
        List<Defect> found = SyntheticMedia.run(detector, errorsAt(100, damaged), time(100));

        assertEquals(2, found.size(), () -> "five clean pictures (0.2 s) end the run: " + found);
    }

    @Test
    void onEnd_errorsUntilEndOfInput_reportsRunWithoutEnd() {
        List<Defect> found = SyntheticMedia.run(detector, errorsAt(100, range(90, 100)), time(100));

        assertEquals(List.of(new Defect(DefectType.BLOCK_CORRUPTION, time(90), null, null, "decoder_errors")),
                found, "damage up to the last picture");
    }

    @Test
    void state_roundTripThroughJsonInsideGap_givesSameDefects() {
        Set<Integer> damaged = range(40, 50);
        damaged.addAll(range(53, 60));
        List<AnalysisFrame> frames = errorsAt(100, damaged);
        List<Defect> whole = SyntheticMedia.run(detector, frames, time(100));

        List<Defect> split = SegmentRunner.inSegments(List.of(detector), frames, time(100), 45, 51);

        assertEquals(whole, split, "a run over two boundaries, one inside its clean gap");
        assertEquals(1, whole.size(), "the scenario has one run");
    }
}
