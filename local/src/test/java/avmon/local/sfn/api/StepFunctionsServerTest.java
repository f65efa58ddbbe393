package avmon.local.sfn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.sfn.TaskFailure;
import avmon.local.sfn.TaskInvoker;
import avmon.local.sfn.asl.AslParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** Drives the local service and the ASL interpreter end to end through the AWS SDK's own client, over HTTP. */
class StepFunctionsServerTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
    private static final String FOUR_PASSES = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Next": "B"},
              "B": {"Type": "Pass", "Next": "C"},
              "C": {"Type": "Pass", "Next": "D"},
              "D": {"Type": "Pass", "Result": {"sum": 10}, "End": true}}}""";
    private static final String LONG_WAIT = """
            {"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 86400, "End": true}}}""";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final CountDownLatch never = new CountDownLatch(1);
    private StepFunctionsService service;
    private StepFunctionsServer server;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        service = new StepFunctionsService(new AslParser(),
                StepFunctionsConfig.defaults().withClock(clock).withTasks(this::invoke));
        server = StepFunctionsServer.start(service);
        sfn = SfnClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                .httpClient(UrlConnectionHttpClient.create())
                // StartSyncExecution would otherwise go to "sync-127.0.0.1".
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.close();
        service.close();
    }

    /** Lambda functions: "echo" returns its event; "stuck" never returns and ignores interruption. */
    private JsonNode invoke(String function, JsonNode payload, Duration timeout) throws TaskFailure {
        if (function.endsWith(":echo")) {
            return payload;
        }
        if (function.endsWith(":stuck")) {
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException ignored) {
                    // like a function stuck in native code
                }
            }
        }
        return TaskInvoker.NONE.invoke(function, payload, timeout);
    }

    private String createMachine(String name, String definition, StateMachineType type) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE).type(type)).stateMachineArn();
    }

    private DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
        service.awaitExecution(executionArn, Duration.ofSeconds(30));
        return sfn.describeExecution(r -> r.executionArn(executionArn));
    }

    @Test
    void sfnClient_createStartDescribe_runsTheExecution() throws Exception {
        String machine = createMachine("four", FOUR_PASSES, StateMachineType.STANDARD);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("first").input("{\"n\": 1}"))
                .executionArn();

        DescribeExecutionResponse done = awaitEnd(execution);

        assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:four", machine, "machine ARN");
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), "status");
        assertEquals("{\"sum\":10}", done.output(), "output");
        assertEquals("{\"n\": 1}", done.input(), "input as sent");
        assertEquals(clock.now(), done.startDate(), "start date from the service's clock");
        assertNotNull(done.stopDate(), "stop date");
        assertEquals("four", sfn.describeStateMachine(r -> r.stateMachineArn(machine)).name(), "machine name");
        assertEquals(1, sfn.listStateMachines(r -> { }).stateMachines().size(), "one machine listed");
    }

    @Test
    void sfnClient_historyInPagesOfThree_forwardAndReverseCoverEveryEvent() throws Exception {
        String machine = createMachine("four", FOUR_PASSES, StateMachineType.STANDARD);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        awaitEnd(execution);

        List<HistoryEvent> forward = history(execution, false);
        List<HistoryEvent> reverse = history(execution, true);

        assertEquals(10, forward.size(), "ExecutionStarted, 4 x (entered, exited), ExecutionSucceeded");
        assertEquals(HistoryEventType.EXECUTION_STARTED, forward.get(0).type(), "first event");
        assertEquals(HistoryEventType.PASS_STATE_ENTERED, forward.get(1).type(), "second event");
        assertEquals("A", forward.get(1).stateEnteredEventDetails().name(), "details come through the SDK");
        assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, forward.get(9).type(), "last event");
        for (int i = 0; i < forward.size(); i++) {
            assertEquals(i + 1L, forward.get(i).id(), "forward id at " + i);
            assertEquals(forward.get(i).id(), reverse.get(forward.size() - 1 - i).id(), "reverse id at " + i);
        }
        assertEquals(10, sfn.getExecutionHistoryPaginator(r -> r.executionArn(execution).maxResults(4))
                .events().stream().count(), "the SDK's own paginator follows the tokens");
    }

    @Test
    void sfnClient_listExecutions_filtersByStatus() throws Exception {
        String quick = createMachine("quick", FOUR_PASSES, StateMachineType.STANDARD);
        String done = sfn.startExecution(r -> r.stateMachineArn(quick).name("done")).executionArn();
        awaitEnd(done);

        assertEquals(List.of("done"), sfn.listExecutions(r -> r.stateMachineArn(quick)
                .statusFilter(ExecutionStatus.SUCCEEDED)).executions().stream().map(e -> e.name()).toList(),
                "succeeded executions");
        assertTrue(sfn.listExecutions(r -> r.stateMachineArn(quick).statusFilter(ExecutionStatus.RUNNING))
                .executions().isEmpty(), "no running executions");
    }

    @Test
    void sfnClient_stopExecutionInLongWait_abortsIt() throws Exception {
        String machine = createMachine("sleeper", LONG_WAIT, StateMachineType.STANDARD);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("night")).executionArn();
        assertTrue(clock.awaitSleepers(1, Duration.ofSeconds(10)), "the execution reached its Wait state");
        assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(r -> r.executionArn(execution)).status(),
                "running while it waits");

        sfn.stopExecution(r -> r.executionArn(execution).error("Test.Stop").cause("enough"));

        DescribeExecutionResponse stopped = sfn.describeExecution(r -> r.executionArn(execution));
        List<HistoryEvent> history = history(execution, true);
        assertEquals(ExecutionStatus.ABORTED, stopped.status(), "status");
        assertEquals("Test.Stop", stopped.error(), "error");
        assertEquals(HistoryEventType.EXECUTION_ABORTED, history.get(0).type(), "last event");
        assertEquals("enough", history.get(0).executionAbortedEventDetails().cause(), "cause in the event");
    }

    @Test
    void sfnClient_waitEndsWhenTheClockAdvances() throws Exception {
        String machine = createMachine("sleeper", LONG_WAIT, StateMachineType.STANDARD);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        assertTrue(clock.awaitSleepers(1, Duration.ofSeconds(10)), "the execution reached its Wait state");

        clock.advance(Duration.ofDays(1));

        assertEquals(ExecutionStatus.SUCCEEDED, awaitEnd(execution).status(), "status after a simulated day");
    }

    @Test
    void sfnClient_startSyncExecution_returnsOutput() {
        String machine = createMachine("express", FOUR_PASSES, StateMachineType.EXPRESS);

        StartSyncExecutionResponse done = sfn.startSyncExecution(r -> r.stateMachineArn(machine).input("{}"));

        assertEquals(SyncExecutionStatus.SUCCEEDED, done.status(), "status");
        assertEquals("{\"sum\":10}", done.output(), "output");
    }

    @Test
    void sfnClient_badDefinition_throwsInvalidDefinitionExceptionWithTheParsersMessage() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> createMachine("broken", """
                        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}""",
                        StateMachineType.STANDARD));

        String message = e.awsErrorDetails().errorMessage();
        assertEquals(400, e.statusCode(), "HTTP status");
        assertTrue(message.startsWith("Invalid State Machine Definition: "), () -> "message: " + message);
        assertTrue(message.contains("/States/A/Next"), () -> "points at the field: " + message);
    }

    @Test
    void sfnClient_unknownResourcesAndBadInput_throwTypedExceptions() {
        String machine = createMachine("four", FOUR_PASSES, StateMachineType.STANDARD);

        assertThrows(ExecutionDoesNotExistException.class, () -> sfn.describeExecution(
                r -> r.executionArn("arn:aws:states:us-east-1:000000000000:execution:four:none")), "unknown execution");
        assertThrows(StateMachineDoesNotExistException.class, () -> sfn.describeStateMachine(
                r -> r.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:none")), "unknown machine");
        InvalidExecutionInputException badInput = assertThrows(InvalidExecutionInputException.class,
                () -> sfn.startExecution(r -> r.stateMachineArn(machine).input("{oops")), "input that is not JSON");
        assertFalse(badInput.awsErrorDetails().errorMessage().isBlank(), "the input error says why");
    }

    @Test
    void sfnClient_deleteStateMachine_removesItFromTheList() {
        String machine = createMachine("gone", FOUR_PASSES, StateMachineType.STANDARD);

        sfn.deleteStateMachine(r -> r.stateMachineArn(machine));

        assertTrue(sfn.listStateMachines(r -> { }).stateMachines().isEmpty(), "no machines left");
        assertNull(sfn.listStateMachines(r -> { }).nextToken(), "no next page");
    }

    @Test
    void sfnClient_lambdaTask_returnsTheFunctionsResult() throws Exception {
        String machine = createMachine("echo", """
                {"StartAt": "Echo", "States": {"Echo": {"Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:000000000000:function:echo", "End": true}}}""",
                StateMachineType.STANDARD);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"k\":\"v\"}")).executionArn();

        DescribeExecutionResponse done = awaitEnd(execution);

        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), "status");
        assertEquals("{\"k\":\"v\"}", done.output(), "the function's result");
    }

    @Test
    void sfnClient_stuckLambdaTask_timesOutWithStatesTimeout() throws Exception {
        String machine = createMachine("stuck", """
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "TimeoutSeconds": 1,
                  "Resource": "arn:aws:lambda:us-east-1:000000000000:function:stuck", "End": true}}}""",
                StateMachineType.STANDARD);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();

        DescribeExecutionResponse done = awaitEnd(execution);

        assertEquals(ExecutionStatus.FAILED, done.status(), "status");
        assertEquals("States.Timeout", done.error(), "error");
    }

    private List<HistoryEvent> history(String execution, boolean reverse) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetExecutionHistoryResponse response = sfn.getExecutionHistory(r -> r.executionArn(execution)
                    .maxResults(3).reverseOrder(reverse).nextToken(page));
            events.addAll(response.events());
            token = response.nextToken();
        } while (token != null);
        return events;
    }
}
