package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.corruption.CorruptionModelDetector.Picture;
import avmon.core.corruption.CorruptionModelDetector.Settings;
import avmon.core.corruption.CorruptionModelDetector.SuddenOnset;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sudden-onset part of the run rule, driven through {@link CorruptionModelDetector#onDecision} with given
 * probabilities and 32x32 pictures (four 16x16 squares), so no network is needed.
 */
class SuddenOnsetTest {

    private static final int SIZE = 32;
    private static final double PICTURE = 0.04;
    private static final double THRESHOLD = 0.7;

    /** A 32x32 picture at {@code level}, with its top-left square at {@code corner}. */
    private static byte[] picture(int level, int corner) {
        byte[] luma = new byte[SIZE * SIZE];
        Arrays.fill(luma, (byte) level);
        for (int y = 0; y < 16; y++) {
            Arrays.fill(luma, y * SIZE, y * SIZE + 16, (byte) corner);
        }
        return luma;
    }

    /**
     * Runs 10 quiet pictures (probability 0.05, each a level brighter than the one before), then {@code onset}
     * at probability 0.95, then {@code after} at 0.05, then a clean keyframe.
     */
    private static List<Defect> run(byte[] onset, byte[]... after) {
        List<byte[]> pictures = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pictures.add(picture(100 + i, 100 + i));
            probabilities.add(0.05);
        }
        pictures.add(onset);
        probabilities.add(0.95);
        for (byte[] p : after) {
            pictures.add(p);
            probabilities.add(0.05);
        }
        pictures.add(picture(150, 150));
        probabilities.add(0.05);
        List<Defect> found = new ArrayList<>();
        CorruptionModelDetector.State state = new CorruptionModelDetector.State();
        for (int i = 0; i < pictures.size(); i++) {
            FramePair pair = new FramePair(SIZE, SIZE, pictures.get(i), pictures.get(Math.max(0, i - 1)));
            Picture picture = new Picture(i * PICTURE, i == pictures.size() - 1, probabilities.get(i),
                    pair.isStill(Settings.DEFAULTS.stillChange()), () -> Settings.DEFAULTS.onset().newShot(pair));
            state = CorruptionModelDetector.onDecision(Settings.DEFAULTS, state, picture, THRESHOLD, found::add);
        }
        CorruptionModelDetector.onStreamEnd(state, found::add);
        return found;
    }

    @Test
    void onDecision_oneSquareChanged_suddenOnset() {
        byte[] damaged = picture(109, 240);

        assertEquals(List.of(new Defect(DefectType.BLOCK_CORRUPTION, 10 * PICTURE, 13 * PICTURE, null,
                        CorruptionModelDetector.NAME)),
                run(damaged, picture(110, 240), picture(111, 240)),
                "one square of four changed: damage begins at picture 10 and lasts to the keyframe at 13");
    }

    @Test
    void onDecision_everySquareChanged_newShotNoRun() {
        byte[] cut = picture(20, 20);

        assertEquals(List.of(), run(cut, picture(21, 21), picture(22, 22)),
                "the whole picture changed its levels: a scene cut, which the model may flag, starts nothing");
    }

    @Test
    void onDecision_stillPictureAfterTheOnset_noRun() {
        byte[] damaged = picture(109, 240);

        assertEquals(List.of(), run(damaged, damaged, damaged),
                "the sure picture shown again is the first of a freeze");
    }

    @Test
    void newShot_shareOfChangedSquares_comparedWithTheSetting() {
        FramePair oneOfFour = new FramePair(SIZE, SIZE, picture(100, 200), picture(100, 100));
        FramePair allFour = new FramePair(SIZE, SIZE, picture(150, 200), picture(100, 100));

        assertEquals(0.25, oneOfFour.changedBlockShare(16, 8), 1e-9, "one square of four changed by 100 levels");
        assertFalse(SuddenOnset.DEFAULT.newShot(oneOfFour), "a quarter is below 0.6");
        assertTrue(SuddenOnset.DEFAULT.newShot(allFour), "every square changed");
    }

    @Test
    void settings_withoutAnOnsetRule_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Settings(3, 0.6, 0.1, null),
                "SuddenOnset.NONE says there is none; null says nothing");
    }

    @Test
    void suddenOnset_noQuietPictures_refused() {
        assertThrows(IllegalArgumentException.class, () -> new SuddenOnset(0.9, 0.2, 0, 0.6),
                "a sudden onset needs at least one quiet picture before it");
    }
}
