package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfusionTest {

    @Test
    void add_decisions_countedInTheirCells() {
        Confusion c = Confusion.EMPTY.add(true, true).add(true, false).add(false, true).add(false, false).add(true, true);
        assertEquals(new Confusion(2, 1, 1, 1), c, "TP, FP, FN, TN");
        assertEquals(2 / 3.0, c.precision(), 1e-9, "precision TP / (TP + FP)");
        assertEquals(2 / 3.0, c.recall(), 1e-9, "recall TP / (TP + FN)");
    }

    @Test
    void precisionAndRecall_nothingCalledOrNothingCorrupted_one() {
        assertEquals(1, Confusion.EMPTY.add(false, false).precision(), "nothing called: no false alarm");
        assertEquals(1, Confusion.EMPTY.add(false, false).recall(), "nothing corrupted: nothing missed");
    }
}
