package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.sfn.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

class AslParserTest {

    private static String rejected(String definition) {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> AslTesting.parse(definition), "definition should be rejected: " + definition);
        return e.getMessage();
    }

    private static void assertPointsAt(String message, String... fragments) {
        for (String f : fragments) {
            assertTrue(message.contains(f), () -> "message should contain '" + f + "': " + message);
        }
    }

    @Test
    void parse_missingStartAt_rejectedAtRoot() {
        assertPointsAt(rejected("{'States': {'A': {'Type': 'Succeed'}}}"),
                "Invalid State Machine Definition", "StartAt", "at /");
    }

    @Test
    void parse_unknownNext_rejectedAtNextField() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Next': 'Nowhere'}}}"),
                "MISSING_TRANSITION_TARGET", "Nowhere", "/States/A/Next");
    }

    @Test
    void parse_missingType_rejectedAtState() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'End': true}}}"), "'Type'", "/States/A");
    }

    @Test
    void parse_fieldNotAllowedForType_rejectedAtField() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'Type': 'Succeed', 'Resource': 'x'}}}"),
                "Resource", "/States/A/Resource");
    }

    @Test
    void parse_badJsonPath_rejectedAtField() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'InputPath': 'a.b', 'End': true}}}"),
                "InputPath", "/States/A/InputPath");
    }

    @Test
    void parse_unreachableState_rejected() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'Type': 'Succeed'}, 'B': {'Type': 'Succeed'}}}"),
                "UNREACHABLE_STATE", "/States/B");
    }

    @Test
    void parse_statesAllNotLast_rejected() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'Type': 'Task', 'Resource': "
                + "'arn:aws:lambda:us-east-1:111111111111:function:f', 'End': true, 'Retry': ["
                + "{'ErrorEquals': ['States.ALL']}, {'ErrorEquals': ['X']}]}}}"), "States.ALL", "/States/A/Retry[0]");
    }

    @Test
    void parse_jsonataFieldInJsonPathState_rejected() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', 'Output': {}, 'End': true}}}"),
                "Output", "/States/A/Output");
    }

    @Test
    void parse_unknownResource_rejectedAtResource() {
        assertPointsAt(rejected("{'StartAt': 'A', 'States': {'A': {'Type': 'Task', 'Resource': 'not-an-arn', 'End': true}}}"),
                "not-an-arn", "/States/A/Resource");
    }

    @Test
    void parse_notJson_rejectedAsInvalidJson() {
        assertPointsAt(rejected("{'StartAt': "), "INVALID_JSON_DESCRIPTION");
    }

    @Test
    void parse_itemBatcherInInlineMap_rejected() {
        assertPointsAt(rejected("{'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'ItemBatcher': {'MaxItemsPerBatch': 2},"
                + " 'ItemProcessor': {'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}"),
                "DISTRIBUTED", "/States/M/ItemBatcher");
    }
}
