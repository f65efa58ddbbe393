package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SceneCutTest {

    @Test
    void parse_timeKindAndSeed_givesTheCut() {
        assertEquals(new SceneCut(3.5, PictureContent.TEXT, 7), SceneCut.parse("3.5=text:7", 1),
                "3.5=text:7 cuts to text from seed 7 at 3.5 s");
    }

    @Test
    void parse_noSeed_takesTheDefaultSeed() {
        assertEquals(new SceneCut(7, PictureContent.BLACK, 42), SceneCut.parse(" 7=Black ", 42),
                "the stream's seed, case and spaces aside");
    }

    @Test
    void parse_badText_isRejectedWithTheForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SceneCut.parse("text@3", 1));
        assertTrue(e.getMessage().contains("time=kind"), e.getMessage());
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> SceneCut.parse("1.2.3=text", 1));
        assertTrue(time.getMessage().contains("is not a time"), time.getMessage());
    }

    @Test
    void parse_unknownKind_isRejectedWithTheKnownKinds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SceneCut.parse("3=sky", 1));
        assertTrue(e.getMessage().contains("texture"), e.getMessage());
    }

    @Test
    void new_timeAtTheStartOrNotANumber_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SceneCut(0, PictureContent.TEXT, 1), "at 0 s");
        assertThrows(IllegalArgumentException.class, () -> new SceneCut(Double.NaN, PictureContent.TEXT, 1), "NaN");
    }
}
