package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.core.detect.DefectType;
import org.junit.jupiter.api.Test;

class InjectedDefectTest {

    @Test
    void parse_startPlusDuration_givesRange() {
        assertEquals(new InjectedDefect(DefectType.FREEZE, 3.0, 6.2, null), InjectedDefect.parse("freeze@3.0+3.2"),
                "freeze@3.0+3.2 runs from 3.0 to 6.2");
    }

    @Test
    void parse_avSyncWithOffset_keepsOffset() {
        InjectedDefect d = InjectedDefect.parse("av_sync@4.5+6=-0.08");
        assertEquals(-0.08, d.value(), 1e-12, "offset");
        assertEquals(10.5, d.end(), 1e-12, "end");
    }

    @Test
    void parse_badText_isRejectedWithTheForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InjectedDefect.parse("freeze at 3"));
        assertEquals(true, e.getMessage().contains("type@start+duration"), e.getMessage());
    }

    @Test
    void parse_unknownType_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> InjectedDefect.parse("wobble@1+2"), "unknown type");
    }

    @Test
    void new_avSyncWithoutOffset_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> InjectedDefect.parse("av_sync@1+2"), "offset required");
    }

    @Test
    void specWith_defectPastTheEnd_isRejected() {
        StreamSpec spec = StreamSpec.of("x", 1).withDuration(5);
        assertThrows(IllegalArgumentException.class, () -> spec.with(InjectedDefect.parse("black@4+2")),
                "a defect must end inside the stream");
    }

    @Test
    void specWith_silenceWithoutAudio_isRejected() {
        StreamSpec spec = StreamSpec.of("x", 1).videoOnly();
        assertThrows(IllegalArgumentException.class, () -> spec.with(InjectedDefect.parse("silence@1+2")),
                "silence needs audio");
    }
}
