package avmon.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareWorkloadTest {

    @Test
    void specs_sevenStreams_kindsTakeTurnsAndTheSeventhStartsOver() {
        List<StreamSpec> specs = new CompareWorkload(7, 20, 320, 180, 42).specs();
        assertEquals(List.of("01-freeze", "02-black-silence", "03-corruption", "04-av-sync", "05-silence", "06-clean",
                "07-freeze"), specs.stream().map(StreamSpec::id).toList(), "ids name the kind");
        assertEquals(List.of(DefectType.BLACK, DefectType.SILENCE), specs.get(1).defects().stream()
                .map(InjectedDefect::type).toList(), "black with silence");
        assertTrue(specs.get(3).syncPattern(), "the A/V offset needs the sync pattern");
        assertTrue(specs.get(5).defects().isEmpty(), "one clean stream in six");
    }

    @Test
    void specs_manySeeds_everyDefectLeavesASecondOfCleanStreamEitherSide() {
        for (long seed = 0; seed < 50; seed++) {
            for (StreamSpec s : new CompareWorkload(6, 8, 320, 180, seed).specs()) {
                for (InjectedDefect d : s.defects()) {
                    assertTrue(d.start() >= 1 && d.end() <= 7, () -> s.id() + ": " + d + " inside 1..7 s of 8");
                }
            }
        }
    }

    @Test
    void specs_oneSeed_defectsSpreadOverTheStreamNotAllAtOneTime() {
        List<Double> starts = new CompareWorkload(6, 20, 320, 180, 42).specs().stream()
                .flatMap(s -> s.defects().stream()).map(InjectedDefect::start).toList();
        double spread = starts.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - starts.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertTrue(spread > 4, () -> "starts spread over more than 4 s of 20: " + starts);
    }

    @Test
    void new_zeroStreamsOrTooShort_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CompareWorkload(0, 20, 320, 180, 1), "no streams");
        assertThrows(IllegalArgumentException.class, () -> new CompareWorkload(2, 7.9, 320, 180, 1), "too short");
    }
}
