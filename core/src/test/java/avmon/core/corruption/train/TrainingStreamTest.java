package avmon.core.corruption.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingStreamTest {

    private static final InjectedDefect FREEZE = InjectedDefect.of(DefectType.FREEZE, 0.5, 1.2);
    private static final InjectedDefect DAMAGE = InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 2.0, 0.4);

    private static TrainingStream stream(List<InjectedDefect> damage, List<InjectedDefect> freezes) {
        return new TrainingStream("train-text-freeze-1", Split.TRAIN, PictureContent.TEXT, new PictureSize(1280, 720), 7,
                damage, VideoEncoding.DEFAULT, freezes);
    }

    @Test
    void clean_freezeStream_keepsTheFreezeDropsTheDamage() {
        TrainingStream clean = stream(List.of(DAMAGE), List.of(FREEZE)).clean();
        assertTrue(clean.damage().isEmpty(), "no damage left");
        assertEquals(List.of(FREEZE), clean.freezes(), "the freeze is part of the pictures");
    }

    @Test
    void injected_damageAndFreeze_both() {
        assertEquals(List.of(DAMAGE, FREEZE), stream(List.of(DAMAGE), List.of(FREEZE)).injected(), "what the generator gets");
    }

    @Test
    void constructor_freezeAmongTheDamage_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stream(List.of(FREEZE), List.of()));
        assertTrue(e.getMessage().contains("block_corruption"), "says what belongs there: " + e.getMessage());
    }

    @Test
    void cacheName_streamWithoutFreezes_theNameItHadBeforeFreezes() {
        TrainingStream plain = stream(List.of(DAMAGE), List.of());
        // Records printed their components like this before the freezes component came: labelled streams kept in
        // a work folder under those names must still be found.
        String before = plain.toString().replace(", freezes=[]]", "]");
        assertEquals(plain.id() + "-" + Integer.toHexString((before + "|4.0|320x180").hashCode()) + ".labelled",
                StreamLabeller.cacheName(plain, 4.0, 320, 180), "unchanged name");
    }

    @Test
    void cacheName_freezeStream_differsFromTheSameStreamWithoutIt() {
        assertNotEquals(StreamLabeller.cacheName(stream(List.of(DAMAGE), List.of()), 4.0, 320, 180),
                StreamLabeller.cacheName(stream(List.of(DAMAGE), List.of(FREEZE)), 4.0, 320, 180), "the freeze is in the name");
    }
}
