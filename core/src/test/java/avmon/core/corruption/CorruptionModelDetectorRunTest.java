package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.LambdaBlock;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.media.AnalysisFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the detector turns picture decisions into runs, with a stand-in network that calls a bright picture
 * corrupted and a dark one clean, so each case says exactly which pictures the model flags.
 */
class CorruptionModelDetectorRunTest {

    private static final int SIZE = 8;
    /** Two pictures start a run, which waits up to 10 s of clean pictures for its keyframe; no picture is still. */
    private static final CorruptionModelDetector.Settings HOLD = new CorruptionModelDetector.Settings(2, 10, 0);
    private static final double PICTURE = 0.04;
    private static CorruptionModel brightIsCorrupted;

    @BeforeAll
    static void model() {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        Model model = Model.newInstance("bright", Device.cpu(), "PyTorch");
        // Channel 0 is the current picture's levels: its mean above half scale gives a large positive logit.
        model.setBlock(new LambdaBlock(list -> {
            NDArray picture = list.singletonOrThrow().get(":, 0:1, :, :").toType(DataType.FLOAT32, false);
            return new NDList(picture.mean(new int[] {3}, true).mean(new int[] {2}, true).sub(127.5f));
        }, "brightness"));
        brightIsCorrupted = new CorruptionModel(model, new ModelDescription(SIZE, SIZE, 0.5, 0));
    }

    @AfterAll
    static void close() {
        if (brightIsCorrupted != null) {
            brightIsCorrupted.close();
        }
    }

    /**
     * Runs pictures described by letters: {@code C} corrupted, {@code c} clean, {@code K} a corrupted keyframe,
     * {@code k} a clean keyframe, {@code =} the picture before it again; 25 pictures a second. Pictures of one
     * letter in a row differ by a level, so they are not still.
     */
    private static List<Defect> run(CorruptionModelDetector.Settings settings, String pictures) {
        CorruptionModelDetector detector = new CorruptionModelDetector(brightIsCorrupted, settings);
        List<Defect> found = new ArrayList<>();
        CorruptionModelDetector.State state = detector.initialState();
        byte[] luma = new byte[SIZE * SIZE];
        for (int i = 0; i < pictures.length(); i++) {
            char c = pictures.charAt(i);
            if (c != '=') {
                luma = new byte[SIZE * SIZE];
                java.util.Arrays.fill(luma, (byte) ((Character.toUpperCase(c) == c ? 250 : 5) + i % 2));
            }
            state = detector.onFrame(state, new AnalysisFrame(i, i * PICTURE, SIZE, SIZE, luma, List.of(),
                    c == 'k' || c == 'K'), found::add);
        }
        detector.onEnd(state, pictures.length() * PICTURE, found::add);
        return found;
    }

    private static Defect corruption(int first, Integer end) {
        return new Defect(DefectType.BLOCK_CORRUPTION, first * PICTURE, end == null ? null : end * PICTURE, null,
                CorruptionModelDetector.NAME);
    }

    @Test
    void onFrame_cleanPicturesBeforeTheKeyframe_runHeldToTheKeyframe() {
        assertEquals(List.of(corruption(2, 8)), run(HOLD, "kcCCcccckccc"),
                "damage the model loses sight of still lasts until the intact keyframe at picture 8");
    }

    @Test
    void onFrame_corruptedKeyframe_runGoesOn() {
        assertEquals(List.of(corruption(2, 9)), run(HOLD, "kcCCccKcckcc"),
                "a keyframe the model still flags does not end the run");
    }

    @Test
    void onFrame_oneCorruptedPicture_noRun() {
        assertEquals(List.of(), run(HOLD, "kcCcccckcc"),
                "two pictures in a row start a run, one does not");
    }

    @Test
    void onFrame_defaults_threePicturesStartARun() {
        assertEquals(List.of(), run(CorruptionModelDetector.Settings.DEFAULTS, "kcCCcccckcc"), "two are not enough");
        assertEquals(List.of(corruption(2, 8)), run(CorruptionModelDetector.Settings.DEFAULTS, "kcCCCccckcc"),
                "three are, and the run is held over 0.12 s of clean pictures to the keyframe");
    }

    @Test
    void onFrame_noKeyframeWithinTheWait_endsAtTheFirstCleanPicture() {
        assertEquals(List.of(corruption(1, 3)), run(new CorruptionModelDetector.Settings(2, 0.2, 0), "cCCcccccccccc"),
                "without a keyframe within 0.2 s the run ends where the clean pictures began");
    }

    @Test
    void onFrame_stillPicturesTheModelFlags_startNoRun() {
        assertEquals(List.of(), run(CorruptionModelDetector.Settings.DEFAULTS, "kcC=====ccckcc"),
                "a flagged picture shown again and again is one flagged picture, not a corruption");
        assertEquals(List.of(corruption(2, 11)), run(new CorruptionModelDetector.Settings(3, 0.6, 0), "kcC=====ccckcc"),
                "without the still rule the repeats start a run");
    }

    @Test
    void onFrame_stillPictureBetweenFlaggedOnes_breaksTheRow() {
        assertEquals(List.of(), run(CorruptionModelDetector.Settings.DEFAULTS, "kcCC=Cccckcc"),
                "two flagged pictures, a repeat, one more: not three in a row");
        assertEquals(List.of(corruption(2, 9)), run(new CorruptionModelDetector.Settings(3, 0.6, 0), "kcCC=Cccckcc"),
                "without the still rule the repeat counts as a third flagged picture");
    }

    @Test
    void onFrame_stillPicturesWhileARunWaitsForItsEnd_timeStillCounts() {
        CorruptionModelDetector.Settings shortWait = new CorruptionModelDetector.Settings(2, 0.2, 0.1);
        assertEquals(List.of(corruption(1, 3)), run(shortWait, "cCCc========Ccccccccccc"),
                "the run ends where the clean pictures began, frozen ones or not, once 0.2 s has passed");
    }

    @Test
    void onEnd_runStillOpen_reportedWithoutEnd() {
        assertEquals(List.of(corruption(1, null)), run(HOLD, "cCCccc"),
                "a run still waiting for its keyframe at the end has no end");
    }

    @Test
    void onFrame_loneFlaggedPictureAfterQuietOnes_startsARun() {
        assertEquals(List.of(corruption(10, 15)), run(CorruptionModelDetector.Settings.DEFAULTS, "kcccccccccCcccckcc"),
                "a sure picture after 10 plainly clean ones is a sudden onset, held to the keyframe at picture 15");
        assertEquals(List.of(), run(new CorruptionModelDetector.Settings(3, 0.6, 0.1), "kcccccccccCcccckcc"),
                "without sudden onsets one picture starts nothing");
    }

    @Test
    void onFrame_loneFlaggedPictureAfterTooFewQuietOnes_noRun() {
        assertEquals(List.of(), run(CorruptionModelDetector.Settings.DEFAULTS, "kccccCcccckcc"),
                "5 quiet pictures are fewer than the 8 a sudden onset needs");
    }

    @Test
    void onFrame_loneFlaggedPictureThenStillOnes_noRun() {
        assertEquals(List.of(), run(CorruptionModelDetector.Settings.DEFAULTS, "kcccccccccC====ccckcc"),
                "a sure picture shown again is the first of a freeze, not a sudden onset");
    }

    @Test
    void onFrame_flaggedPictureAfterAFreeze_noRun() {
        assertEquals(List.of(), run(CorruptionModelDetector.Settings.DEFAULTS, "kcccc=========cCcccckcc"),
                "still pictures are not quiet ones: the end of a freeze jumps like damage");
    }

    @Test
    void onEnd_suddenOnsetOnTheLastPicture_reportedWithoutEnd() {
        assertEquals(List.of(corruption(10, null)), run(CorruptionModelDetector.Settings.DEFAULTS, "kcccccccccC"),
                "nothing after the lone picture says it began a freeze");
    }

    @Test
    void onFrame_stillOnsetWithoutSuddenOnsets_damagedKeyframeOfDarkStillPictureStartsRun() {
        // The stand-in network calls every dark picture clean, so only the still onset can find this; 8x8 pictures
        // hold four 4x4 squares, so two shifted squares are asked for.
        CorruptionModelDetector.Settings settings = new CorruptionModelDetector.Settings(3, 0.6, 0.1,
                CorruptionModelDetector.SuddenOnset.NONE, new CorruptionModelDetector.StillOnset(8, 2, 0.6));
        CorruptionModelDetector detector = new CorruptionModelDetector(brightIsCorrupted, settings);
        byte[] dark = new byte[SIZE * SIZE];
        java.util.Arrays.fill(dark, (byte) 5);
        byte[] damaged = dark.clone();
        java.util.Arrays.fill(damaged, 0, SIZE * 4, (byte) 15);
        List<Defect> found = new ArrayList<>();
        CorruptionModelDetector.State state = detector.initialState();
        for (int i = 0; i < 22; i++) {
            byte[] luma = i >= 12 && i < 18 ? damaged : dark;
            state = detector.onFrame(state, new AnalysisFrame(i, i * PICTURE, SIZE, SIZE, luma, List.of(),
                    i == 0 || i == 12 || i == 18), found::add);
        }
        detector.onEnd(state, 22 * PICTURE, found::add);

        assertEquals(List.of(corruption(12, 18)), found,
                "the keyframe at 12 shifted the top half by 10 levels after 11 still pictures; the keyframe at 18 "
                        + "repairs it");
    }
}
