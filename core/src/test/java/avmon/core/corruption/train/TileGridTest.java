package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void changes_oneTileDiffers_itsMeanDifferenceOnly() {
        TileGrid grid = new TileGrid(8, 4);
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        // Second tile (columns 4..7): half its 16 pixels differ by 20 levels, mean 10.
        for (int y = 0; y < 4; y++) {
            for (int x = 4; x < 6; x++) {
                b[y * 8 + x] = 20;
            }
        }
        assertArrayEquals(new byte[] {0, 10}, grid.changes(a, b), "tile 0 unchanged, tile 1 by 10 on average");
    }

    @Test
    void changes_partialTileAtTheEdge_meanOverItsOwnPixels() {
        TileGrid grid = new TileGrid(6, 4);
        byte[] a = new byte[24];
        byte[] b = new byte[24];
        for (int y = 0; y < 4; y++) {
            b[y * 6 + 4] = 30;
        }
        assertEquals(2, grid.across(), "6 pixels are two tiles across");
        assertEquals(15, grid.changes(a, b)[1], "8 pixels in the edge tile, 4 of them 30 levels off");
    }

    @Test
    void anyVisible_belowAndAtTheThreshold() {
        assertFalse(TileGrid.anyVisible(new byte[] {0, TileGrid.VISIBLE_CHANGE - 1}), "5 levels is not visible");
        assertTrue(TileGrid.anyVisible(new byte[] {0, TileGrid.VISIBLE_CHANGE}), "6 levels is");
    }

    @Test
    void regionLabels_changedTile_marksEveryRegionWithinReach() {
        // 12 tiles across, 1 down; regions centred on tiles 0, 4 and 8; reach 2.
        TileGrid grid = new TileGrid(48, 4);
        byte[] changes = new byte[12];
        changes[6] = 40;
        assertArrayEquals(new float[] {0, 1, 1}, grid.regionLabels(changes, 3, 1, 4, 2), 0f,
                "tile 6 is 2 from the centres 4 and 8, 6 from 0");
        changes[6] = 0;
        changes[11] = 40;
        assertArrayEquals(new float[] {0, 0, 0}, grid.regionLabels(changes, 3, 1, 4, 2), 0f,
                "tile 11 is 3 from the last centre, out of reach");
    }
}
