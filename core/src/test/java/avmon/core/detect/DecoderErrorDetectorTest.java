package avmon.core.detect;

import static avmon.core.detect.SyntheticMedia.asKeyframe;
import static avmon.core.detect.SyntheticMedia.moving;
import static avmon.core.detect.SyntheticMedia.time;
import static avmon.core.detect.SyntheticMedia.withErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.media.AnalysisFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecoderErrorDetectorTest {

    /** Keyframe every 25 pictures (one second at 25 fps): 0, 25, 50, 75. */
    private static final int GOP = 25;

    private final DecoderErrorDetector detector = new DecoderErrorDetector(DecoderErrorDetector.Settings.DEFAULTS);

    /** {@code count} pictures, errors on {@code damaged}, a keyframe every {@code gop} pictures (0: none). */
    private static List<AnalysisFrame> pictures(int count, Set<Integer> damaged, int gop) {
        List<AnalysisFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AnalysisFrame frame = moving(i);
            if (gop > 0 && i % gop == 0) {
                frame = asKeyframe(frame);
            }
            frames.add(damaged.contains(i) ? withErrors(frame) : frame);
        }
        return frames;
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> set = new HashSet<>();
        for (int i = from; i < to; i++) {
            set.add(i);
        }
        return set;
    }

    private static Defect corruption(int first, Integer end) {
        return new Defect(DefectType.BLOCK_CORRUPTION, time(first), end == null ? null : time(end), null,
                "decoder_errors");
    }

    @Test
    void onFrame_runOfPicturesWithErrors_endsAtNextCleanKeyframe() {
        List<Defect> found = SyntheticMedia.run(detector, pictures(100, range(30, 45), GOP), time(100));

        assertEquals(List.of(corruption(30, 50)), found,
                "the pictures after the last error stay damaged until the keyframe at 50");
    }

    @Test
    void onFrame_keyframeWithErrors_doesNotEndTheRun() {
        List<Defect> found = SyntheticMedia.run(detector, pictures(100, range(45, 52), GOP), time(100));

        assertEquals(List.of(corruption(45, 75)), found, "the damaged keyframe at 50 heals nothing; 75 does");
    }

    @Test
    void onFrame_errorsBackSoonerThanMaxGapAfterKeyframe_continueTheRun() {
        Set<Integer> damaged = range(30, 45);
        damaged.addAll(range(53, 56));
        List<Defect> found = SyntheticMedia.run(detector, pictures(100, damaged, GOP), time(100));

        assertEquals(List.of(corruption(30, 75)), found, "errors 3 pictures (0.12 s) after the keyframe: one run");
    }

    @Test
    void onFrame_errorsBackAfterMaxGap_startANewRun() {
        Set<Integer> damaged = range(30, 45);
        damaged.addAll(range(60, 65));
        List<Defect> found = SyntheticMedia.run(detector, pictures(100, damaged, GOP), time(100));

        assertEquals(List.of(corruption(30, 50), corruption(60, 75)), found, "ten clean pictures after the keyframe");
    }

    @Test
    void onFrame_noKeyframeWithinLongestHeal_endsAtFirstCleanPicture() {
        DecoderErrorDetector impatient = new DecoderErrorDetector(new DecoderErrorDetector.Settings(0.2, 1.0));
        List<Defect> found = SyntheticMedia.run(impatient, pictures(120, range(40, 65), 0), time(120));

        assertEquals(List.of(corruption(40, 65)), found,
                "without keyframes the decoder's own evidence ends the run, once a second has passed");
    }

    @Test
    void onEnd_noCleanKeyframeBeforeEndOfInput_reportsRunWithoutEnd() {
        List<Defect> found = SyntheticMedia.run(detector, pictures(90, range(80, 85), GOP), time(90));

        assertEquals(List.of(corruption(80, null)), found, "still damaged at the end: no keyframe came");
    }

    @Test
    void onEnd_cleanKeyframeLessThanMaxGapBeforeEnd_reportsItsEnd() {
        List<Defect> found = SyntheticMedia.run(detector, pictures(77, range(60, 70), GOP), time(77));

        assertEquals(List.of(corruption(60, 75)), found, "the keyframe at 75 healed it, two pictures before the end");
    }

    @Test
    void state_roundTripThroughJsonInsideTailAndGap_givesSameDefects() {
        Set<Integer> damaged = range(30, 45);
        damaged.addAll(range(53, 56));
        damaged.addAll(range(85, 88));
        List<AnalysisFrame> frames = pictures(120, damaged, GOP);
        List<Defect> whole = SyntheticMedia.run(detector, frames, time(120));

        List<Defect> split = SegmentRunner.inSegments(List.of(detector), frames, time(120), 47, 51, 54, 80, 100);

        assertEquals(whole, split, "cuts in the tail before a keyframe, just after it, inside a run, between runs");
        assertEquals(List.of(corruption(30, 75), corruption(85, 100)), whole, "the scenario has two runs");
    }
}
