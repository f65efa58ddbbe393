package avmon.local.sfn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.TaskFailure;
import avmon.local.sfn.TaskInvoker;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StepFunctionsServiceTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
    private static final String TWO_PASSES = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Next": "B"},
              "B": {"Type": "Pass", "Result": {"done": true}, "End": true}}}""";
    private static final String LONG_WAIT = """
            {"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";
    private static final String ENDLESS_LOOP = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Next": "B"},
              "B": {"Type": "Pass", "Next": "A"}}}""";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<StepFunctionsService> services = new ArrayList<>();

    @AfterEach
    void closeServices() {
        services.forEach(StepFunctionsService::close);
    }

    private StepFunctionsService service(StepFunctionsConfig config) {
        StepFunctionsService service = new StepFunctionsService(new LinearTestParser(), config);
        services.add(service);
        return service;
    }

    private StepFunctionsService service() {
        return service(StepFunctionsConfig.defaults().withClock(clock));
    }

    private static ExecutionDescription await(StepFunctionsService service, ExecutionDescription started)
            throws InterruptedException {
        return service.awaitExecution(started.executionArn(), Duration.ofSeconds(30));
    }

    @Test
    void createStateMachine_sameRequestTwice_returnsTheExistingMachine() {
        StepFunctionsService service = service();
        StateMachine first = service.createStateMachine("twice", TWO_PASSES, ROLE, StateMachineType.STANDARD);
        clock.advance(Duration.ofSeconds(5));
        StateMachine second = service.createStateMachine("twice", TWO_PASSES, ROLE, StateMachineType.STANDARD);

        assertEquals("arn:aws:states:us-east-1:000000000000:stateMachine:twice", first.arn(), "ARN format");
        assertEquals(first.creationDate(), second.creationDate(), "a repeated create returns the first machine");
        assertEquals(1, service.listStateMachines(0, null).items().size(), "only one machine exists");
    }

    @Test
    void createStateMachine_sameNameOtherDefinition_throwsStateMachineAlreadyExists() {
        StepFunctionsService service = service();
        service.createStateMachine("taken", TWO_PASSES, ROLE, null);

        StepFunctionsException e = assertThrows(StepFunctionsException.class,
                () -> service.createStateMachine("taken", LONG_WAIT, ROLE, null));
        assertEquals(SfnErrorCode.StateMachineAlreadyExists, e.code(), "error code");
    }

    @Test
    void createStateMachine_forbiddenNames_throwInvalidName() {
        StepFunctionsService service = service();
        for (String name : List.of("", "has space", "a/b", "x".repeat(81), "tab\t", "star*")) {
            StepFunctionsException e = assertThrows(StepFunctionsException.class,
                    () -> service.createStateMachine(name, TWO_PASSES, ROLE, null), () -> "name '" + name + "'");
            assertEquals(SfnErrorCode.InvalidName, e.code(), () -> "error code for '" + name + "'");
        }
    }

    @Test
    void createStateMachine_definitionTheParserRejects_throwsInvalidDefinitionWithItsMessage() {
        StepFunctionsService service = service();
        StepFunctionsException e = assertThrows(StepFunctionsException.class,
                () -> service.createStateMachine("bad", "{\"StartAt\": \"Nowhere\", \"States\": {}}", ROLE, null));
        assertEquals(SfnErrorCode.InvalidDefinition, e.code(), "error code");
        assertTrue(e.getMessage().contains("MISSING_TRANSITION_TARGET"), () -> "message: " + e.getMessage());
    }

    @Test
    void createStateMachine_roleThatIsNoArn_throwsInvalidArn() {
        StepFunctionsException e = assertThrows(StepFunctionsException.class,
                () -> service().createStateMachine("m", TWO_PASSES, "my-role", null));
        assertEquals(SfnErrorCode.InvalidArn, e.code(), "error code");
    }

    @Test
    void describeStateMachine_deletedMachine_throwsStateMachineDoesNotExist() {
        StepFunctionsService service = service();
        String arn = service.createStateMachine("gone", TWO_PASSES, ROLE, null).arn();
        service.deleteStateMachine(arn);

        StepFunctionsException e = assertThrows(StepFunctionsException.class, () -> service.describeStateMachine(arn));
        assertEquals(SfnErrorCode.StateMachineDoesNotExist, e.code(), "error code");
        StepFunctionsException wrongType = assertThrows(StepFunctionsException.class,
                () -> service.describeStateMachine("arn:aws:states:us-east-1:000000000000:execution:gone:x"));
        assertEquals(SfnErrorCode.InvalidArn, wrongType.code(), "an execution ARN is not a state machine ARN");
    }

    @Test
    void listStateMachines_pagesOfTwo_returnEveryMachineOnce() {
        StepFunctionsService service = service();
        for (int i = 0; i < 5; i++) {
            service.createStateMachine("m" + i, TWO_PASSES, ROLE, null);
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<StateMachine> page = service.listStateMachines(2, token);
            page.items().forEach(machine -> names.add(machine.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), names, "all machines in creation order");
        assertEquals(3, pages, "five machines in pages of two");
    }

    @Test
    void startExecution_twoPassStates_succeedsWithOutputAndBilledTransitions() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("ok", TWO_PASSES, ROLE, null).arn();

        ExecutionDescription started = service.startExecution(machine, "run-1", "{\"x\": 1}");
        ExecutionDescription done = await(service, started);

        assertEquals("arn:aws:states:us-east-1:000000000000:execution:ok:run-1", started.executionArn(), "ARN format");
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), "status");
        assertEquals("{\"done\":true}", done.output(), "output");
        assertEquals(2, done.billedTransitions(), "two states entered");
        assertEquals(2, service.billedTransitions(started.executionArn()), "billed transitions accessor");
        assertEquals("ExecutionSucceeded", service.history(started.executionArn()).get(5).get("type").asText(),
                "the sixth event ends the execution");
    }

    @Test
    void startExecution_withoutName_getsAUuidName() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("anon", TWO_PASSES, ROLE, null).arn();

        ExecutionDescription started = service.startExecution(machine, null, null);

        assertTrue(started.name().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                () -> "generated name: " + started.name());
        assertEquals("{}", started.input(), "absent input becomes {}");
    }

    @Test
    void startExecution_inputThatIsNotJson_throwsInvalidExecutionInput() {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("m", TWO_PASSES, ROLE, null).arn();
        for (String input : List.of("{", "not json", "{} {}", "")) {
            StepFunctionsException e = assertThrows(StepFunctionsException.class,
                    () -> service.startExecution(machine, null, input), () -> "input '" + input + "'");
            assertEquals(SfnErrorCode.InvalidExecutionInput, e.code(), () -> "error code for '" + input + "'");
        }
    }

    @Test
    void startExecution_nameOfEndedExecution_throwsExecutionAlreadyExists() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("m", TWO_PASSES, ROLE, null).arn();
        await(service, service.startExecution(machine, "once", "{}"));

        StepFunctionsException e = assertThrows(StepFunctionsException.class,
                () -> service.startExecution(machine, "once", "{}"));
        assertEquals(SfnErrorCode.ExecutionAlreadyExists, e.code(), "error code");
    }

    @Test
    void startExecution_sameNameAndInputWhileRunning_returnsTheRunningExecution() {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("wait", LONG_WAIT, ROLE, null).arn();
        ExecutionDescription first = service.startExecution(machine, "same", "{\"a\":1}");

        ExecutionDescription again = service.startExecution(machine, "same", "{\"a\":1}");

        assertEquals(first.executionArn(), again.executionArn(), "same execution");
        StepFunctionsException e = assertThrows(StepFunctionsException.class,
                () -> service.startExecution(machine, "same", "{\"a\":2}"));
        assertEquals(SfnErrorCode.ExecutionAlreadyExists, e.code(), "other input under the same name");
    }

    @Test
    void startExecution_unknownMachine_throwsStateMachineDoesNotExist() {
        StepFunctionsException e = assertThrows(StepFunctionsException.class, () -> service()
                .startExecution("arn:aws:states:us-east-1:000000000000:stateMachine:none", null, "{}"));
        assertEquals(SfnErrorCode.StateMachineDoesNotExist, e.code(), "error code");
    }

    @Test
    void describeExecution_unknownAndMalformedArns_throwTypedErrors() {
        StepFunctionsService service = service();
        StepFunctionsException missing = assertThrows(StepFunctionsException.class,
                () -> service.describeExecution("arn:aws:states:us-east-1:000000000000:execution:m:none"));
        StepFunctionsException malformed = assertThrows(StepFunctionsException.class,
                () -> service.describeExecution("no-arn"));
        assertEquals(SfnErrorCode.ExecutionDoesNotExist, missing.code(), "unknown execution");
        assertEquals(SfnErrorCode.InvalidArn, malformed.code(), "malformed ARN");
    }

    @Test
    void getExecutionHistory_pagesForwardAndReverse_coverEveryEventOnceInOrder() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("m", TWO_PASSES, ROLE, null).arn();
        String execution = await(service, service.startExecution(machine, "h", "{}")).executionArn();

        List<Long> forward = historyIds(service, execution, false);
        List<Long> reverse = historyIds(service, execution, true);

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), forward, "forward ids");
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L), reverse, "reverse ids");
    }

    @Test
    void getExecutionHistory_withoutExecutionData_leavesInputAndOutputOut() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("m", TWO_PASSES, ROLE, null).arn();
        String execution = await(service, service.startExecution(machine, "h", "{\"secret\":1}")).executionArn();

        List<ObjectNode> events = service.getExecutionHistory(execution, 0, false, null, false).items();

        assertTrue(events.stream().noneMatch(event -> event.toString().contains("secret")),
                () -> "events: " + events);
        assertEquals("A", events.get(1).get("stateEnteredEventDetails").get("name").asText(), "names stay");
    }

    @Test
    void getExecutionHistory_tokenOfAnotherListing_throwsInvalidToken() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("m", TWO_PASSES, ROLE, null).arn();
        String execution = await(service, service.startExecution(machine, "h", "{}")).executionArn();
        String forwardToken = service.getExecutionHistory(execution, 2, false, null, true).nextToken();

        StepFunctionsException e = assertThrows(StepFunctionsException.class,
                () -> service.getExecutionHistory(execution, 2, true, forwardToken, true));
        assertEquals(SfnErrorCode.InvalidToken, e.code(), "a forward token used in reverse");
        assertThrows(StepFunctionsException.class, () -> service.getExecutionHistory(execution, 1001, false, null, true),
                "maxResults above 1000");
    }

    @Test
    void listExecutions_statusFilterAndPaging_returnsNewestFirst() throws Exception {
        StepFunctionsService service = service();
        String quick = service.createStateMachine("quick", TWO_PASSES, ROLE, null).arn();
        for (int i = 0; i < 3; i++) {
            await(service, service.startExecution(quick, "done-" + i, "{}"));
        }

        Page<ExecutionDescription> first = service.listExecutions(quick, ExecutionStatus.SUCCEEDED, 2, null);
        Page<ExecutionDescription> second = service.listExecutions(quick, ExecutionStatus.SUCCEEDED, 2, first.nextToken());

        assertEquals(List.of("done-2", "done-1"), first.items().stream().map(ExecutionDescription::name).toList(),
                "first page, newest first");
        assertEquals(List.of("done-0"), second.items().stream().map(ExecutionDescription::name).toList(), "second page");
        assertNull(second.nextToken(), "no third page");
        assertTrue(service.listExecutions(quick, ExecutionStatus.RUNNING, 0, null).items().isEmpty(), "none running");
    }

    @Test
    void stopExecution_executionInLongWait_abortsWithErrorAndCause() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("wait", LONG_WAIT, ROLE, null).arn();
        String execution = service.startExecution(machine, "w", "{}").executionArn();
        assertTrue(clock.awaitSleepers(1, Duration.ofSeconds(10)), "the execution reached its Wait state");

        service.stopExecution(execution, "Operator", "stopped by the test");

        ExecutionDescription stopped = service.describeExecution(execution);
        List<ObjectNode> history = service.history(execution);
        ObjectNode last = history.get(history.size() - 1);
        assertEquals(ExecutionStatus.ABORTED, stopped.status(), "status");
        assertEquals("Operator", stopped.error(), "error");
        assertEquals("ExecutionAborted", last.get("type").asText(), "last event");
        assertEquals("stopped by the test", last.get("executionAbortedEventDetails").get("cause").asText(), "cause");
        assertEquals(1, stopped.billedTransitions(), "the Wait state was entered");
    }

    @Test
    void stopExecution_endedExecution_changesNothing() throws Exception {
        StepFunctionsService service = service();
        String machine = service.createStateMachine("m", TWO_PASSES, ROLE, null).arn();
        String execution = await(service, service.startExecution(machine, "x", "{}")).executionArn();

        service.stopExecution(execution, "Late", "too late");

        assertEquals(ExecutionStatus.SUCCEEDED, service.describeExecution(execution).status(), "status unchanged");
    }

    @Test
    void startExecution_loopPastTheHistoryLimit_failsWithStatesRuntime() throws Exception {
        StepFunctionsService service = service(StepFunctionsConfig.defaults().withClock(clock).withHistoryEventLimit(50));
        String machine = service.createStateMachine("loop", ENDLESS_LOOP, ROLE, null).arn();

        ExecutionDescription done = await(service, service.startExecution(machine, "l", "{}"));

        List<ObjectNode> history = service.history(done.executionArn());
        assertEquals(ExecutionStatus.FAILED, done.status(), "status");
        assertEquals("States.Runtime", done.error(), "error");
        assertEquals(50, history.size(), "the history stops at the limit");
        assertEquals("ExecutionFailed", history.get(49).get("type").asText(), "last event");
    }

    @Test
    void startSyncExecution_expressMachine_returnsTheEndedExecution() throws Exception {
        StepFunctionsService service = service();
        String express = service.createStateMachine("fast", TWO_PASSES, ROLE, StateMachineType.EXPRESS).arn();
        String standard = service.createStateMachine("slow", TWO_PASSES, ROLE, StateMachineType.STANDARD).arn();

        ExecutionDescription done = service.startSyncExecution(express, "s", "{}");

        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), "status");
        assertTrue(done.executionArn().startsWith("arn:aws:states:us-east-1:000000000000:express:fast:s:"),
                () -> "express ARN: " + done.executionArn());
        StepFunctionsException e = assertThrows(StepFunctionsException.class,
                () -> service.startSyncExecution(standard, "s", "{}"));
        assertEquals(SfnErrorCode.StateMachineTypeNotSupported, e.code(), "standard machines are not synchronous");
    }

    @Test
    void startExecution_taskThatIgnoresItsTimeout_failsWithStatesTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TaskInvoker stuck = (arn, payload, timeout) -> {
            awaitIgnoringInterrupts(never);
            return payload;
        };
        StepFunctionsService service = service(StepFunctionsConfig.defaults().withClock(clock).withTasks(stuck));
        String machine = service.createStateMachine("stuck", """
                {"StartAt": "Call", "States": {"Call": {"Type": "Task",
                  "Resource": "arn:aws:lambda:us-east-1:000000000000:function:stuck", "TimeoutSeconds": 1, "End": true}}}""",
                ROLE, null).arn();

        ExecutionDescription done = await(service, service.startExecution(machine, "t", "{}"));

        assertEquals(ExecutionStatus.FAILED, done.status(), "status");
        assertEquals("States.Timeout", done.error(), "error");
    }

    @Test
    void close_runningAndStuckExecutions_abortsThemAndLeavesOnlyDaemonThreads() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TaskInvoker stuck = (arn, payload, timeout) -> {
            awaitIgnoringInterrupts(never);
            return payload;
        };
        StepFunctionsService service = service(StepFunctionsConfig.defaults().withClock(clock).withTasks(stuck)
                .withStopGracePeriod(Duration.ofMillis(200)));
        String waiting = service.createStateMachine("wait", LONG_WAIT, ROLE, null).arn();
        String stuckMachine = service.createStateMachine("stuck", """
                {"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "stuck", "End": true}}}""",
                ROLE, null).arn();
        String inWait = service.startExecution(waiting, "w", "{}").executionArn();
        String inTask = service.startExecution(stuckMachine, "t", "{}").executionArn();
        assertTrue(clock.awaitSleepers(1, Duration.ofSeconds(10)), "the first execution reached its Wait state");

        service.close();

        assertEquals(ExecutionStatus.ABORTED, service.describeExecution(inWait).status(), "the waiting execution");
        assertEquals(ExecutionStatus.ABORTED, service.describeExecution(inTask).status(), "the stuck execution");
        List<Thread> serviceThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("sfn-")).toList();
        assertTrue(serviceThreads.stream().allMatch(Thread::isDaemon), () -> "threads: " + serviceThreads);
        assertNotEquals(0, serviceThreads.size(), "the stuck task's thread is still there, as a daemon");
    }

    @Test
    void startExecution_interpreterThrows_failsWithStatesRuntimeInsteadOfHanging() throws Exception {
        StepFunctionsService service = new StepFunctionsService(text -> (input, context, history) -> {
            throw new IllegalStateException("engine bug");
        }, StepFunctionsConfig.defaults().withClock(clock));
        services.add(service);
        String machine = service.createStateMachine("buggy", "{}", ROLE, null).arn();

        ExecutionDescription done = await(service, service.startExecution(machine, "b", "{}"));

        assertEquals(ExecutionStatus.FAILED, done.status(), "status");
        assertEquals("States.Runtime", done.error(), "error");
        assertTrue(done.cause().contains("engine bug"), () -> "cause: " + done.cause());
    }

    @Test
    void executionStarter_syncChild_returnsTheChildsDescriptionAndFailsWhenItFails() throws Exception {
        // "child:<definition>" machines run the stand-in interpreter; "parent:<arn>" machines start <arn>.
        LinearTestParser linear = new LinearTestParser();
        StepFunctionsService service = new StepFunctionsService(text -> text.startsWith("parent:")
                ? (input, context, history) -> {
                    try {
                        ObjectNode child = context.executions().start(text.substring(7), null, input, true);
                        return new ExecutionOutcome("SUCCEEDED", child.toString(), null, null, 1);
                    } catch (TaskFailure failure) {
                        return new ExecutionOutcome("FAILED", null, failure.error(), failure.cause(), 1);
                    }
                }
                : linear.parse(text.substring(6)), StepFunctionsConfig.defaults().withClock(clock));
        services.add(service);
        String good = service.createStateMachine("good", "child:" + TWO_PASSES, ROLE, null).arn();
        String bad = service.createStateMachine("bad", "child:" + """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Child.Broke", "Cause": "on purpose"}}}""",
                ROLE, null).arn();
        String callsGood = service.createStateMachine("callsGood", "parent:" + good, ROLE, null).arn();
        String callsBad = service.createStateMachine("callsBad", "parent:" + bad, ROLE, null).arn();

        ExecutionDescription succeeded = await(service, service.startExecution(callsGood, "p1", "{\"n\":1}"));
        ExecutionDescription failed = await(service, service.startExecution(callsBad, "p2", "{}"));

        assertEquals(ExecutionStatus.SUCCEEDED, succeeded.status(), "parent of a good child");
        assertTrue(succeeded.output().contains("\"Status\":\"SUCCEEDED\""), () -> "output: " + succeeded.output());
        assertTrue(succeeded.output().contains("\"Output\":\"{\\\"done\\\":true}\""), () -> "output: " + succeeded.output());
        assertEquals("States.TaskFailed", failed.error(), "a failed child fails the task");
        assertTrue(failed.cause().contains("Child.Broke"), () -> "cause: " + failed.cause());
        assertEquals(2, service.listExecutions(good, null, 0, null).items().size()
                + service.listExecutions(bad, null, 0, null).items().size(), "one child each");
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // a task that ignores interruption, like a stuck native call
            }
        }
    }

    private static List<Long> historyIds(StepFunctionsService service, String execution, boolean reverse) {
        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            Page<ObjectNode> page = service.getExecutionHistory(execution, 4, reverse, token, true);
            page.items().forEach(event -> ids.add(event.get("id").asLong()));
            token = page.nextToken();
        } while (token != null);
        return ids;
    }
}
