package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {

    /** Runs a Pass state whose Parameters hold {@code r.$: call}; definitions built as trees to keep quotes intact. */
    private static JsonNode eval(String call, JsonNode input) throws Exception {
        ObjectNode definition = AslTesting.JSON.createObjectNode().put("StartAt", "A");
        ObjectNode state = definition.putObject("States").putObject("A").put("Type", "Pass").put("End", true);
        state.putObject("Parameters").put("r.$", call);
        AslTesting.Run run = AslTesting.runTree(definition, input);
        assertEquals("SUCCEEDED", run.outcome().status(), () -> call + " failed: " + run.outcome().cause());
        return run.output().get("r");
    }

    private static void assertEval(String expectedJson, String call, String inputJson) throws Exception {
        assertEquals(AslTesting.JSON.readTree(expectedJson), eval(call, AslTesting.JSON.readTree(inputJson)), call);
    }

    @Test
    void format_placeholdersAndEscapes_filled() throws Exception {
        assertEval("\"a 1 {x} b\"", "States.Format('a {} \\{x\\} {}', $.n, $.s)", "{\"n\": 1, \"s\": \"b\"}");
    }

    @Test
    void format_objectArgument_printedLikeJavaMaps() throws Exception {
        assertEval("\"v={a=1, b=[x, y]}\"", "States.Format('v={}', $.o)", "{\"o\": {\"a\": 1, \"b\": [\"x\", \"y\"]}}");
    }

    @Test
    void arrays_functions_matchAws() throws Exception {
        assertEval("[[1,2],[3]]", "States.ArrayPartition($.a, 2)", "{\"a\": [1, 2, 3]}");
        assertEval("true", "States.ArrayContains($.a, 2)", "{\"a\": [1, 2, 3]}");
        assertEval("[1,3,5]", "States.ArrayRange(1, 5, 2)", "{}");
        assertEval("2", "States.ArrayGetItem($.a, 1)", "{\"a\": [1, 2, 3]}");
        assertEval("3", "States.ArrayLength($.a)", "{\"a\": [1, 2, 3]}");
        assertEval("[1,2]", "States.ArrayUnique($.a)", "{\"a\": [1, 2, 1]}");
        assertEval("[1,\"x\"]", "States.Array(1, 'x')", "{}");
    }

    @Test
    void jsonAndEncoding_functions_roundTrip() throws Exception {
        assertEval("{\"a\":1}", "States.StringToJson($.s)", "{\"s\": \"{\\\"a\\\":1}\"}");
        assertEval("\"{\\\"a\\\":1}\"", "States.JsonToString($.o)", "{\"o\": {\"a\": 1}}");
        assertEval("\"aGk=\"", "States.Base64Encode('hi')", "{}");
        assertEval("\"hi\"", "States.Base64Decode('aGk=')", "{}");
        assertEval("{\"a\":1,\"b\":3}", "States.JsonMerge($.x, $.y, false)", "{\"x\": {\"a\": 1, \"b\": 2}, \"y\": {\"b\": 3}}");
    }

    @Test
    void hashMathSplit_functions_matchAws() throws Exception {
        assertEval("\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"",
                "States.Hash('hello', 'SHA-256')", "{}");
        assertEval("5", "States.MathAdd(2, 3)", "{}");
        assertEval("[\"a\",\"b\",\"c\"]", "States.StringSplit('a,b+c', ',+')", "{}");
        assertEquals(36, eval("States.UUID()", AslTesting.JSON.createObjectNode()).textValue().length(),
                "a UUID's text length");
    }
}
