package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.TaskInvoker;
import avmon.local.sfn.conformance.LocalExecutions;
import avmon.local.sfn.conformance.RecordedHistory;
import avmon.local.sfn.conformance.VirtualClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceIntegrationTest {

    private static final String CHILD_ARN = "arn:aws:states:us-east-1:111111111111:stateMachine:child";

    @Test
    void lambdaInvoke_identityFunction_returnsServiceEnvelope() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'T', 'States': {'T': {'Type': 'Task',"
                + " 'Resource': 'arn:aws:states:::lambda:invoke',"
                + " 'Parameters': {'FunctionName': 'f', 'Payload': {'a': 1}}, 'End': true}}}", "{}",
                (arn, payload, timeout) -> payload);
        JsonNode out = run.output();
        assertEquals(AslTesting.JSON.readTree("{\"a\":1}"), out.get("Payload"), "Payload is the function's result");
        assertEquals(200, out.get("StatusCode").intValue(), "StatusCode");
        assertEquals("$LATEST", out.get("ExecutedVersion").textValue(), "ExecutedVersion");
        assertTrue(out.has("SdkHttpMetadata") && out.has("SdkResponseMetadata"), "service metadata present");
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
                "TaskStateExited", "ExecutionSucceeded"), run.types(), "history");
    }

    @Test
    void lambdaInvoke_missingFunction_failsWithLambdaError() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'T', 'States': {'T': {'Type': 'Task',"
                + " 'Resource': 'arn:aws:states:::lambda:invoke', 'Parameters': {'FunctionName': 'nope'}, 'End': true}}}",
                "{}", TaskInvoker.NONE);
        assertEquals("Lambda.ResourceNotFoundException", run.outcome().error(), "error");
        assertEquals("TaskFailed", run.types().get(4), "failure event");
    }

    @Test
    void unsupportedService_failsAtRunTimeWithReason() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'T', 'States': {'T': {'Type': 'Task',"
                + " 'Resource': 'arn:aws:states:::dynamodb:putItem', 'End': true}}}", "{}");
        assertEquals("States.TaskFailed", run.outcome().error(), "error");
        assertTrue(run.outcome().cause().contains("dynamodb:putItem"), () -> "cause: " + run.outcome().cause());
    }

    @Test
    void startExecutionSync2_childSucceeds_returnsParsedOutput() throws Exception {
        VirtualClock clock = new VirtualClock(AslTesting.START);
        LocalExecutions executions = new LocalExecutions(arn -> new ExecutionContext(arn, "child-run",
                CHILD_ARN, "child", "role", clock.now(), 0, clock, TaskInvoker.NONE, ExecutionContext.ExecutionStarter.NONE));
        executions.register(CHILD_ARN, AslTesting.parse(
                "{'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'Parameters': {'doubled.$': 'States.MathAdd($.n, $.n)'},"
                        + " 'End': true}}}"));
        ExecutionContext parent = new ExecutionContext("arn:aws:states:us-east-1:111111111111:execution:parent:p1", "p1",
                "arn:aws:states:us-east-1:111111111111:stateMachine:parent", "parent", "role", clock.now(), 0, clock,
                TaskInvoker.NONE, executions);
        RecordedHistory history = new RecordedHistory(clock);
        ExecutionOutcome outcome = AslTesting.parse("{'StartAt': 'S', 'States': {'S': {'Type': 'Task',"
                + " 'Resource': 'arn:aws:states:::states:startExecution.sync:2',"
                + " 'Parameters': {'StateMachineArn': '" + CHILD_ARN + "', 'Input': {'n.$': '$.n'}},"
                + " 'OutputPath': '$.Output', 'End': true}}}").run(AslTesting.JSON.readTree("{\"n\": 21}"), parent, history);
        assertEquals("{\"doubled\":42}", outcome.output(), "the child's output, parsed");
        assertTrue(history.types().contains("TaskSubmitted"), () -> "history: " + history.types());
    }

    @Test
    void distributedMap_childEvents_stayOutOfParentHistory() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'M', 'States': {'M': {'Type': 'Map',"
                + " 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},"
                + " 'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}", "[1, 2, 3]");
        assertEquals("[1,2,3]", run.outcome().output(), "output");
        assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded",
                "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"), run.types(), "parent history");
        assertEquals(4, run.outcome().billedTransitions(), "the Map and its three child states are billed");
    }

    @Test
    void distributedMap_itemBatcher_groupsItemsWithBatchInput() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'M', 'States': {'M': {'Type': 'Map',"
                + " 'ItemBatcher': {'MaxItemsPerBatch': 2, 'BatchInput': {'tag.$': '$.tag'}}, 'ItemsPath': '$.items',"
                + " 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},"
                + " 'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}",
                "{'tag': 't', 'items': [1, 2, 3]}");
        assertEquals(AslTesting.JSON.readTree("[{\"BatchInput\":{\"tag\":\"t\"},\"Items\":[1,2]},"
                + "{\"BatchInput\":{\"tag\":\"t\"},\"Items\":[3]}]"), run.output(), "two batches");
    }

    @Test
    void distributedMap_resultWriter_failsRatherThanDroppingResults() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'M', 'States': {'M': {'Type': 'Map',"
                + " 'ResultWriter': {'Resource': 'arn:aws:states:::s3:putObject', 'Parameters': {'Bucket': 'b', 'Prefix': 'p'}},"
                + " 'ItemProcessor': {'ProcessorConfig': {'Mode': 'DISTRIBUTED', 'ExecutionType': 'STANDARD'},"
                + " 'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'End': true}}}, 'End': true}}}", "[1]");
        assertEquals("States.ResultWriterFailed", run.outcome().error(), "error");
    }
}
