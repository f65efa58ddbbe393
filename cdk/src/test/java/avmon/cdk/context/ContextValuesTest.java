package avmon.cdk.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class ContextValuesTest {

    private static ContextValues context(Map<String, Object> values) {
        return new ContextValues(new App(AppProps.builder().context(values).build()).getNode());
    }

    @Test
    void integer_stringFromCommandLine_parsed() {
        assertEquals(3, context(Map.of("n", "3")).integer("n", 1, 1, 10), "-c n=3");
    }

    @Test
    void flag_commandLineOrJsonBoolean_read() {
        assertTrue(context(Map.of("f", "true")).flag("f", false), "-c f=true");
        assertEquals(false, context(Map.of("f", false)).flag("f", true), "false in cdk.json");
        assertTrue(context(Map.of()).flag("f", true), "unset: the fallback");
    }

    @Test
    void flag_anythingElse_refusedSoAMisspeltFlagIsNotSilentlyOff() {
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> context(Map.of("corruptionModel", "ture")).flag("corruptionModel", false));
        assertTrue(e.getMessage().contains("corruptionModel") && e.getMessage().contains("ture"), e.getMessage());
    }

    @Test
    void integer_unset_fallback() {
        assertEquals(7, context(Map.of()).integer("n", 7, 1, 10), "default");
    }

    @Test
    void integer_notANumber_namesKeyAndValue() {
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> context(Map.of("shardCount", "two")).integer("shardCount", 1, 1, 64));
        assertTrue(e.getMessage().contains("shardCount") && e.getMessage().contains("two"), e.getMessage());
    }

    @Test
    void integer_outOfRange_refused() {
        assertThrows(InvalidContextException.class, () -> context(Map.of("n", 0)).integer("n", 1, 1, 64), "below min");
        assertThrows(InvalidContextException.class, () -> context(Map.of("n", "65")).integer("n", 1, 1, 64), "above max");
    }

    @Test
    void list_commaSeparated_trimmedWithoutBlanks() {
        assertEquals(List.of("a", "b"), context(Map.of("l", " a, ,b ")).list("l", List.of()), "items");
    }

    @Test
    void text_blank_fallback() {
        assertEquals("x", context(Map.of("t", "  ")).text("t", "x"), "blank is unset");
    }
}
