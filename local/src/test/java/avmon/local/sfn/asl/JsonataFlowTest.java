package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonataFlowTest {

    @Test
    void pass_outputAndAssign_evaluatedWithStatesAndVariables() throws Exception {
        AslTesting.Run run = AslTesting.run("{'QueryLanguage': 'JSONata', 'StartAt': 'A', 'States': {"
                + "'A': {'Type': 'Pass', 'Assign': {'n': '{% $states.input.x + 1 %}'}, 'Next': 'B'},"
                + "'B': {'Type': 'Pass', 'Output': {'n': '{% $n %}', 'name': '{% $states.context.State.Name %}'}, 'End': true}}}",
                "{'x': 1}");
        assertEquals(AslTesting.JSON.readTree("{\"n\":2,\"name\":\"B\"}"), run.output(), "output");
    }

    @Test
    void task_argumentsAndResult_flowThroughOutput() throws Exception {
        AslTesting.Run run = AslTesting.run("{'QueryLanguage': 'JSONata', 'StartAt': 'T', 'States': {'T': {'Type': 'Task',"
                + " 'Resource': 'arn:aws:lambda:us-east-1:111111111111:function:f',"
                + " 'Arguments': {'v': '{% $states.input.v * 2 %}'}, 'Output': '{% $states.result.v %}', 'End': true}}}",
                "{'v': 4}", (arn, payload, timeout) -> payload);
        assertEquals("8", run.outcome().output(), "output");
    }

    @Test
    void pass_undefinedExpression_failsWithQueryEvaluationError() throws Exception {
        AslTesting.Run run = AslTesting.run("{'QueryLanguage': 'JSONata', 'StartAt': 'A', 'States': {"
                + "'A': {'Type': 'Pass', 'Output': '{% $nothing %}', 'End': true}}}", "{}");
        assertEquals("States.QueryEvaluationError", run.outcome().error(), "error");
        assertEquals("EvaluationFailed", run.types().get(2), "evaluation failure event");
    }
}
