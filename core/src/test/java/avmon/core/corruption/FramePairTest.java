package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
