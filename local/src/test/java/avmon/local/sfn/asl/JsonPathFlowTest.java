package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonPathFlowTest {

    @Test
    void pass_allPaths_appliedInAwsOrder() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', "
                + "'InputPath': '$.in', 'Parameters': {'v.$': '$.x', 'fixed': 1}, "
                + "'ResultPath': '$.in.result', 'OutputPath': '$.in', 'End': true}}}",
                "{'in': {'x': 5}, 'other': true}");
        assertEquals(AslTesting.JSON.readTree("{\"x\":5,\"result\":{\"v\":5,\"fixed\":1}}"), run.output(),
                "InputPath selects, Parameters build the result, ResultPath places it in the raw input, OutputPath filters");
    }

    @Test
    void task_resultSelector_shapesResultBeforeResultPath() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'A', 'States': {'A': {'Type': 'Task', "
                + "'Resource': 'arn:aws:lambda:us-east-1:111111111111:function:f', "
                + "'ResultSelector': {'got.$': '$.value'}, 'ResultPath': '$.r', 'End': true}}}",
                "{'value': 7}", (arn, payload, timeout) -> payload);
        assertEquals(AslTesting.JSON.readTree("{\"value\":7,\"r\":{\"got\":7}}"), run.output(), "output");
    }

    @Test
    void pass_contextObject_readsExecutionAndState() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', "
                + "'Parameters': {'name.$': '$$.Execution.Name', 'state.$': '$$.State.Name', "
                + "'input.$': '$$.Execution.Input.k'}, 'End': true}}}", "{'k': 'v'}");
        assertEquals(AslTesting.JSON.readTree("{\"name\":\"run-1\",\"state\":\"A\",\"input\":\"v\"}"), run.output(),
                "context object values");
    }

    @Test
    void pass_missingPath_failsWithRuntimeErrorNamingState() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', "
                + "'InputPath': '$.missing', 'End': true}}}", "{}");
        assertEquals("States.Runtime", run.outcome().error(), "error");
        assertEquals("An error occurred while executing the state 'A' (entered at the event id #2). "
                + "Invalid path '$.missing' : No results for path: $['missing']", run.outcome().cause(), "cause");
    }

    @Test
    void pass_nullPaths_discardAsAwsDoes() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', "
                + "'Result': 1, 'ResultPath': null, 'Next': 'B'}, 'B': {'Type': 'Pass', 'OutputPath': null, 'End': true}}}",
                "{'keep': 1}");
        assertEquals(AslTesting.JSON.readTree("{}"), run.output(), "ResultPath null keeps the input; OutputPath null gives {}");
    }

    @Test
    void assign_variables_readInLaterStates() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'A', 'States': {'A': {'Type': 'Pass', "
                + "'Assign': {'x.$': '$.v', 'y': 'lit'}, 'Next': 'B'}, "
                + "'B': {'Type': 'Pass', 'Parameters': {'x.$': '$x', 'y.$': '$y'}, 'End': true}}}", "{'v': 3}");
        assertEquals(AslTesting.JSON.readTree("{\"x\":3,\"y\":\"lit\"}"), run.output(), "variables");
    }
}
