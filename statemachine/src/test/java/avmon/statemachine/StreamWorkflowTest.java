package avmon.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamWorkflowTest {

    private static final Map<String, String> VALUES = Map.of(
            StreamWorkflow.CONVERTER, "arn:aws:lambda:us-east-1:000000000000:function:avmon-converter",
            StreamWorkflow.DETECTOR, "arn:aws:lambda:us-east-1:000000000000:function:avmon-detector",
            StreamWorkflow.NOTIFIER, "arn:aws:lambda:us-east-1:000000000000:function:avmon-notifier",
            StreamWorkflow.SEGMENTS_PER_EXECUTION, "300",
            StreamWorkflow.DETECTORS, "freeze,black");

    @Test
    void placeholders_areTheFunctionsTheRolloverThresholdAndTheDefaultDetectors() {
        assertEquals(Set.of("ConverterFunctionArn", "DetectorFunctionArn", "NotifierFunctionArn",
                "SegmentsPerExecution", "Detectors"), StreamWorkflow.placeholders());
    }

    @Test
    void definition_allValues_isJsonWithEveryNextResolvable() throws Exception {
        String asl = StreamWorkflow.definition(VALUES);

        assertFalse(asl.contains("${"), "no placeholder left");
        JsonNode root = new ObjectMapper().readTree(asl);
        JsonNode states = root.get("States");
        assertTrue(states.has(root.get("StartAt").asText()));
        states.fields().forEachRemaining(e -> {
            JsonNode next = e.getValue().get("Next");
            if (next != null) {
                assertTrue(states.has(next.asText()), e.getKey() + " -> " + next.asText());
            }
        });
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:avmon-converter",
                states.at("/ConvertSegment/Arguments/FunctionName").asText());
    }

    @Test
    void definition_missingValue_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamWorkflow.definition(Map.of(StreamWorkflow.CONVERTER, "x")));
        assertTrue(e.getMessage().contains("NotifierFunctionArn"), e.getMessage());
    }
}
