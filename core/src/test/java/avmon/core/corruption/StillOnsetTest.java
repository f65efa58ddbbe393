package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.core.corruption.CorruptionModelDetector.Picture;
import avmon.core.corruption.CorruptionModelDetector.Settings;
import avmon.core.corruption.CorruptionModelDetector.StillOnset;
import avmon.core.corruption.CorruptionModelDetector.SuddenOnset;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The still-onset part of the run rule, driven through {@link CorruptionModelDetector#onDecision} with 64x64
 * pictures (256 squares of 4x4) that the model, here a fixed probability of 0.05, judges clean throughout: the
 * rule must find damage the model does not see.
 */
class StillOnsetTest {

    private static final int SIZE = 64;
    private static final double PICTURE = 0.04;
    private static final double THRESHOLD = 0.7;

    /** A flat black picture. */
    private static byte[] black() {
        byte[] luma = new byte[SIZE * SIZE];
        Arrays.fill(luma, (byte) 16);
        return luma;
    }

    /** Black with a {@code side x side} patch at {@code level} in its top-left corner. */
    private static byte[] patched(int side, int level) {
        byte[] luma = black();
        for (int y = 0; y < side; y++) {
            Arrays.fill(luma, y * SIZE, y * SIZE + side, (byte) level);
        }
        return luma;
    }

    /** One picture of a stream: its luma and whether it is a keyframe. */
    private record Shown(byte[] luma, boolean keyframe) {
    }

    private static List<Shown> still(byte[] luma, int count) {
        List<Shown> pictures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pictures.add(new Shown(luma, false));
        }
        return pictures;
    }

    /**
     * The defects of: 12 black pictures (the first a keyframe), {@code change} (a keyframe or not), {@code after},
     * then a black keyframe and 5 more black pictures.
     */
    private static List<Defect> run(Settings settings, Shown change, List<Shown> after) {
        List<Shown> pictures = new ArrayList<>();
        pictures.add(new Shown(black(), true));
        pictures.addAll(still(black(), 11));
        pictures.add(change);
        pictures.addAll(after);
        pictures.add(new Shown(black(), true));
        pictures.addAll(still(black(), 5));
        List<Defect> found = new ArrayList<>();
        CorruptionModelDetector.State state = new CorruptionModelDetector.State();
        for (int i = 0; i < pictures.size(); i++) {
            FramePair pair = new FramePair(SIZE, SIZE, pictures.get(i).luma(),
                    pictures.get(Math.max(0, i - 1)).luma());
            Picture picture = new Picture(i * PICTURE, pictures.get(i).keyframe(), 0.05,
                    pair.isStill(settings.stillChange()), () -> settings.onset().newShot(pair),
                    () -> settings.stillOnset().looksDamaged(pair));
            state = CorruptionModelDetector.onDecision(settings, state, picture, THRESHOLD, found::add);
        }
        CorruptionModelDetector.onStreamEnd(state, found::add);
        return found;
    }

    private static List<Defect> run(Shown change, List<Shown> after) {
        return run(Settings.DEFAULTS, change, after);
    }

    @Test
    void onDecision_damagedKeyframeOfStillPicture_runToTheRepairingKeyframe() {
        byte[] damaged = patched(16, 26);

        assertEquals(List.of(new Defect(DefectType.BLOCK_CORRUPTION, 12 * PICTURE, 18 * PICTURE, null,
                        CorruptionModelDetector.NAME)),
                run(new Shown(damaged, true), still(damaged, 5)),
                "a keyframe shifted 16 flat squares by 10 levels and the picture stood: corrupted from it to the "
                        + "black keyframe at 18, which repairs it and starts nothing itself");
    }

    @Test
    void onDecision_withoutStillOnset_modelAloneNoRun() {
        byte[] damaged = patched(16, 26);

        assertEquals(List.of(), run(Settings.DEFAULTS.withStillOnset(StillOnset.NONE), new Shown(damaged, true),
                        still(damaged, 5)),
                "StillOnset.NONE leaves still pictures to the model, which judged them all clean");
    }

    @Test
    void onDecision_withoutSuddenOnsets_stillOnsetStarts() {
        byte[] damaged = patched(16, 26);

        assertEquals(1, run(Settings.DEFAULTS.withOnset(SuddenOnset.NONE), new Shown(damaged, true),
                        still(damaged, 5)).size(),
                "the still onset has a new-shot test of its own: turning sudden onsets off leaves it working");
    }

    @Test
    void onDecision_changeOnPredictedPicture_noRun() {
        byte[] changed = patched(16, 26);

        assertEquals(List.of(), run(new Shown(changed, false), still(changed, 5)),
                "a predicted picture of a still picture copies its blocks: a change there is content");
    }

    @Test
    void onDecision_motionAfterTheKeyframe_noRun() {
        byte[] changed = patched(16, 26);

        assertEquals(List.of(), run(new Shown(changed, true), List.of(new Shown(patched(16, 60), false),
                        new Shown(patched(16, 90), false))),
                "the picture after the keyframe moves: the change is content starting to move");
    }

    @Test
    void onDecision_fewerSquaresShiftedThanTheSetting_noRun() {
        byte[] small = patched(12, 26);

        assertEquals(List.of(), run(new Shown(small, true), still(small, 5)),
                "9 squares shifted, below the 16 the default asks");
    }

    @Test
    void onDecision_shiftBelowTheLevels_noRun() {
        byte[] faint = patched(16, 19);

        assertEquals(List.of(), run(new Shown(faint, true), still(faint, 5)),
                "a keyframe coding a flat picture anew may move it by a few levels: 3 is below the 4 that count");
    }

    @Test
    void onDecision_wholePictureChanged_newShotNoRun() {
        byte[] slide = patched(SIZE, 120);

        assertEquals(List.of(), run(new Shown(slide, true), still(slide, 5)),
                "every square changed: a cut to another still picture");
    }

    @Test
    void settings_withoutAStillOnsetRule_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Settings(3, 0.6, 0.1, SuddenOnset.DEFAULT, null),
                "StillOnset.NONE says there is none; null says nothing");
    }

    @Test
    void stillOnset_noShiftedSquares_refused() {
        assertThrows(IllegalArgumentException.class, () -> new StillOnset(8, 0, 0.6),
                "a still onset needs at least one shifted square");
    }
}
