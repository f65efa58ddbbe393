package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

class FramePairTest {

    @Test
    void meanChange_twoOfFourValuesApart_meanOfTheAbsoluteDifferences() {
        FramePair pair = new FramePair(2, 2, new byte[] {10, (byte) 200, 30, 40}, new byte[] {13, (byte) 190, 30, 40});

        assertEquals(13 / 4.0, pair.meanChange(), 1e-9, "(3 + 10) / 4 levels, read as unsigned");
    }

    @Test
    void meanChange_samePicture_zero() {
        byte[] picture = {1, 2, 3, 4};

        assertEquals(0, new FramePair(2, 2, picture, picture).meanChange(), "a repeated picture does not change");
    }

    @Test
    void isStill_sumExactlyAtTheThreshold_notStill() {
        byte[] previous = new byte[320 * 180];
        byte[] current = previous.clone();
        for (int i = 0; i < 5760; i++) {
            current[i * 10] = 1;
        }
        FramePair pair = new FramePair(320, 180, current, previous);

        assertEquals(0.1, pair.meanChange(), 1e-12, "5,760 levels over 57,600 values");
        assertEquals(pair.meanChange() < 0.1, pair.isStill(0.1), "the same comparison as the mean change's");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.05, 0.1, 0.5, 2, 40})
    void isStill_anyThreshold_sameAsTheMeanChangeBelowIt(double threshold) {
        Random random = new Random(7);
        for (int changed : new int[] {0, 1, 30, 600, 5000, 57600}) {
            byte[] previous = new byte[320 * 180];
            random.nextBytes(previous);
            byte[] current = previous.clone();
            for (int i = 0; i < changed; i++) {
                current[random.nextInt(current.length)] += (byte) (1 + random.nextInt(20));
            }
            FramePair pair = new FramePair(320, 180, current, previous);

            assertEquals(pair.meanChange() < threshold, pair.isStill(threshold),
                    changed + " values changed, mean change " + pair.meanChange() + ", threshold " + threshold);
        }
    }

    @Test
    void shiftedFlatSquares_flatAndDetailedSquaresMoved_onlyTheFlatOnesCount() {
        byte[] previous = new byte[8 * 8];
        java.util.Arrays.fill(previous, (byte) 50);
        for (int y = 0; y < 4; y++) {
            for (int x = 4; x < 8; x++) {
                previous[y * 8 + x] = (byte) ((x + y) % 2 == 0 ? 20 : 80);
            }
        }
        byte[] current = previous.clone();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                current[y * 8 + x] += 6;
            }
        }
        for (int y = 4; y < 8; y++) {
            current[y * 8 + 4] += 12;
        }
        FramePair pair = new FramePair(8, 8, current, previous);

        assertEquals(1, pair.shiftedFlatSquares(4, 3, 4),
                "top left: flat, moved by 6; top right: a checkerboard, moved by 6; bottom right: flat, moved by 3 on "
                        + "average; bottom left: unchanged");
        assertEquals(2, pair.shiftedFlatSquares(4, 3, 3), "at 3 levels the bottom right counts too");
        assertEquals(2, pair.shiftedFlatSquares(4, 60, 4), "with contrast 60 allowed the checkerboard is flat");
    }
}
