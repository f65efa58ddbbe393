package avmon.core.corruption.train;

/**
 * Where two pictures of the model's input size differ, tile by tile: the tiles are the network's first layer's
 * ({@value #TILE}x{@value #TILE} pixels, one 16x16 macroblock of a 1280x720 stream at 320x180), and a tile
 * whose mean absolute difference reaches {@value #VISIBLE_CHANGE} levels (the ground truth's threshold for a
 * macroblock) counts as changed.
 *
 * @param width  picture width
 * @param height picture height
 */
public record TileGrid(int width, int height) {

    /** Tile side in pixels of the model's input. */
    public static final int TILE = 4;
    /** Mean absolute difference, in luma levels, from which a tile counts as visibly changed. */
    public static final int VISIBLE_CHANGE = 6;

    public int across() {
        return (width + TILE - 1) / TILE;
    }

    public int down() {
        return (height + TILE - 1) / TILE;
    }

    /** Each tile's mean absolute difference between {@code a} and {@code b}, row by row, capped at 255. */
    public byte[] changes(byte[] a, byte[] b) {
        byte[] out = new byte[across() * down()];
        for (int ty = 0; ty < down(); ty++) {
            for (int tx = 0; tx < across(); tx++) {
                out[ty * across() + tx] = (byte) Math.min(255, Math.round(meanDifference(a, b, tx * TILE, ty * TILE)));
            }
        }
        return out;
    }

    private double meanDifference(byte[] a, byte[] b, int x0, int y0) {
        int rows = Math.min(TILE, height - y0);
        int cols = Math.min(TILE, width - x0);
        long sum = 0;
        for (int y = y0; y < y0 + rows; y++) {
            for (int x = x0; x < x0 + cols; x++) {
                int i = y * width + x;
                sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
            }
        }
        return (double) sum / (rows * cols);
    }

    /**
     * The label of each of the network's output regions ({@code regionsDown x regionsAcross}, row by row): 1 where
     * a tile within {@code reach} tiles of the region's centre tile ({@code stride} tiles apart) changed visibly.
     */
    public float[] regionLabels(byte[] changes, int regionsAcross, int regionsDown, int stride, int reach) {
        float[] out = new float[regionsAcross * regionsDown];
        for (int ty = 0; ty < down(); ty++) {
            for (int tx = 0; tx < across(); tx++) {
                if ((changes[ty * across() + tx] & 0xff) < VISIBLE_CHANGE) {
                    continue;
                }
                for (int ry = Math.max(0, ceilDiv(ty - reach, stride)); ry <= Math.min(regionsDown - 1, (ty + reach) / stride); ry++) {
                    for (int rx = Math.max(0, ceilDiv(tx - reach, stride)); rx <= Math.min(regionsAcross - 1, (tx + reach) / stride); rx++) {
                        out[ry * regionsAcross + rx] = 1;
                    }
                }
            }
        }
        return out;
    }

    /** Whether any tile changed visibly. */
    public static boolean anyVisible(byte[] changes) {
        for (byte c : changes) {
            if ((c & 0xff) >= VISIBLE_CHANGE) {
                return true;
            }
        }
        return false;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
