package avmon.core.synth;

import java.util.SplittableRandom;

/**
 * {@link PictureContent#TEXT}: white capitals on a dark background rolling up like end credits, and a dark
 * ticker on a light band running right to left along the bottom. Words are random letters and digits drawn
 * from the seed, in a built-in 5x7 pixel font (no system fonts, so every machine draws the same pictures).
 */
final class TextRenderer extends PictureRenderer {

    /** Glyph columns, glyph rows, and the cell around a glyph, in font pixels. */
    private static final int GLYPH_W = 5;
    private static final int GLYPH_H = 7;
    private static final int CELL_W = 6;
    private static final int LINE_H = 11;
    private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Seven rows of five bits per character of {@link #CHARS}, two hex digits a row (HD44780 style). */
    private static final String FONT = ""
            + "0E1111111F1111" + "1E11111E11111E" + "0E11101010110E" + "1C12111111121C" + "1F10101E10101F"
            + "1F10101E101010" + "0E11101711110F" + "1111111F111111" + "0E04040404040E" + "0702020202120C"
            + "11121418141211" + "1010101010101F" + "111B1515111111" + "11111915131111" + "0E11111111110E"
            + "1E11111E101010" + "0E11111115120D" + "1E11111E141211" + "0F10100E01011E" + "1F040404040404"
            + "1111111111110E" + "11111111110A04" + "1111111515150A" + "11110A040A1111" + "1111110A040404"
            + "1F01020408101F" + "0E11131519110E" + "040C040404040E" + "0E11010204081F" + "1F02040201110E"
            + "02060A121F0202" + "1F101E0101110E" + "0608101E11110E" + "1F010204080808" + "0E11110E11110E"
            + "0E11110F01020C";
    private static final int[] ROWS = new int[FONT.length() / 2];
    private static final int PAGE_LINES = 24;

    static {
        for (int i = 0; i < ROWS.length; i++) {
            ROWS[i] = Integer.parseInt(FONT, 2 * i, 2 * i + 2, 16);
        }
    }

    private final int scale;
    private final int background;
    private final int ink;
    private final int rollSpeed;
    private final int tickerSpeed;
    private final int tickerTop;
    private final int[][] lines = new int[PAGE_LINES][];
    private final int[] lineLeft = new int[PAGE_LINES];
    private final int[] ticker;

    TextRenderer(long seed, int width, int height) {
        super(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        scale = Math.max(1, height / 144);
        background = random.nextInt(8, 48);
        ink = random.nextInt(200, 246);
        rollSpeed = Math.max(1, scale * random.nextInt(2, 5) / 4);
        tickerSpeed = scale * random.nextInt(1, 4);
        tickerTop = height - LINE_H * scale;
        int columns = Math.max(1, width / (CELL_W * scale));
        for (int i = 0; i < PAGE_LINES; i++) {
            lines[i] = random.nextInt(4) == 0 ? new int[0] : words(random, random.nextInt(columns / 4, columns * 3 / 4 + 1));
            lineLeft[i] = (width - lines[i].length * CELL_W * scale) / 2;
        }
        ticker = words(random, columns * 3);
    }

    /** Random words of 2 to 9 characters, single spaces between them; -1 is a space. */
    private static int[] words(SplittableRandom random, int length) {
        int[] text = new int[length];
        int left = 0;
        for (int i = 0; i < length; i++) {
            if (left == 0) {
                left = random.nextInt(2, 10);
                text[i] = -1;
            } else {
                text[i] = random.nextInt(CHARS.length());
                left--;
            }
        }
        return text;
    }

    @Override
    void draw(int n, byte[] out, int stride) {
        int lineHeight = LINE_H * scale;
        int page = PAGE_LINES * lineHeight;
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            if (y >= tickerTop) {
                drawRow(out, row, ticker, -n * tickerSpeed, (y - tickerTop) / scale - 2, true);
            } else {
                int onPage = Math.floorMod(y + n * rollSpeed, page);
                int line = onPage / lineHeight;
                drawRow(out, row, lines[line], lineLeft[line], onPage % lineHeight / scale - 2, false);
            }
        }
    }

    /** One picture row through a line of text whose first character starts at {@code left}. */
    private void drawRow(byte[] out, int row, int[] text, int left, int glyphRow, boolean inverse) {
        int paper = inverse ? ink : background;
        int pen = inverse ? background : ink;
        int cellWidth = CELL_W * scale;
        for (int x = 0; x < width; x++) {
            int v = paper;
            if (glyphRow >= 0 && glyphRow < GLYPH_H && text.length > 0) {
                int offset = x - left;
                int index = inverse ? Math.floorMod(Math.floorDiv(offset, cellWidth), text.length)
                        : Math.floorDiv(offset, cellWidth);
                int column = Math.floorMod(offset, cellWidth) / scale;
                if (index >= 0 && index < text.length && column < GLYPH_W && inked(text[index], glyphRow, column)) {
                    v = pen;
                }
            }
            out[row + x] = (byte) v;
        }
    }

    private static boolean inked(int character, int glyphRow, int column) {
        if (character < 0) {
            return false;
        }
        return (ROWS[character * GLYPH_H + glyphRow] >> (GLYPH_W - 1 - column) & 1) != 0;
    }
}
