package avmon.local.sfn.conformance;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskedComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MaskedComparison comparison = new MaskedComparison(Set.of("start-time"));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void difference_maskedTokens_matchAnyValue() throws Exception {
        assertNull(comparison.difference(json("{\"id\":\"arn:x:<ExecArnPart_0idx>\",\"t\":\"start-time\",\"d\":\"date\"}"),
                json("{\"id\":\"arn:x:1234\",\"t\":\"2026-01-01T00:00:00Z\",\"d\":\"Thu, 01 Jan\"}"), "$"),
                "masked values match");
    }

    @Test
    void difference_unmaskedValue_reportsWhere() throws Exception {
        String d = comparison.difference(json("{\"a\":{\"b\":\"x\"}}"), json("{\"a\":{\"b\":\"y\"}}"), "output");
        assertNotNull(d, "a real difference is reported");
        assertTrue(d.contains("output.a.b"), () -> "points at the field: " + d);
    }

    @Test
    void difference_numbers_compareByValue() throws Exception {
        assertNull(comparison.difference(json("[1.0, 2]"), json("[1, 2.0]"), "$"), "1.0 equals 1");
    }

    @Test
    void difference_recordedObjectFromJsonText_comparesParsed() throws Exception {
        assertNull(comparison.difference(json("{\"a\":1}"), JSON.getNodeFactory().textNode("{\"a\": 1}"), "$"),
                "the recorder parsed strings that start with {");
    }

    @Test
    void difference_extraKey_isADifference() throws Exception {
        assertNotNull(comparison.difference(json("{\"a\":1}"), json("{\"a\":1,\"b\":2}"), "$"), "extra key");
    }
}
