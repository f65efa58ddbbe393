package avmon.fn.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DetectorSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnabledDetectorsTest {

    @Test
    void from_unsetOrBlank_theClassicalDetectors() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of(EnabledDetectors.ENV, " "))) {
            EnabledDetectors enabled = EnabledDetectors.from(env);
            assertEquals(DetectorSettings.NAMES, enabled.names(), "default for " + env);
            assertFalse(enabled.includesModel(), "the default needs no PyTorch");
        }
    }

    @Test
    void from_listWithTheModel_inOrderWithoutRepeats() {
        EnabledDetectors enabled = EnabledDetectors.from(Map.of(EnabledDetectors.ENV,
                " freeze, corruption_model,,freeze "));
        assertEquals(List.of("freeze", "corruption_model"), enabled.names(), "names as given, blanks and repeats dropped");
        assertTrue(enabled.includesModel(), "corruption_model runs a model");
        assertTrue(enabled.contains("corruption_model"), "contains the model detector");
        assertFalse(enabled.contains("black"), "black was not listed");
    }

    @Test
    void from_unknownName_refusedNamingTheVariableAndTheName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnabledDetectors.from(Map.of(EnabledDetectors.ENV, "freeze,corruption")));
        assertTrue(e.getMessage().contains("DETECTORS") && e.getMessage().contains("'corruption'"), e.getMessage());
    }
}
