package avmon.local.sfn.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.local.sfn.TaskFailure;
import avmon.local.sfn.TaskInvoker;
import avmon.local.sfn.conformance.VirtualClock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    private static final String FN = "arn:aws:lambda:us-east-1:111111111111:function:f";

    private static TaskInvoker failing(String error, AtomicInteger calls) {
        return (arn, payload, timeout) -> {
            calls.incrementAndGet();
            throw new TaskFailure(error, "boom");
        };
    }

    @Test
    void retry_backoff_waitsIntervalTimesRateOnTheClock() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AslTesting.Run run = AslTesting.run("{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'Resource': '" + FN
                + "', 'Retry': [{'ErrorEquals': ['E'], 'IntervalSeconds': 2, 'MaxAttempts': 3, 'BackoffRate': 3,"
                + " 'JitterStrategy': 'NONE'}], 'End': true}}}", "{}", failing("E", calls));
        assertEquals(4, calls.get(), "one attempt plus three retries");
        assertEquals(AslTesting.START.plusSeconds(2 + 6 + 18), run.clock().now(), "waits 2 s, 6 s, 18 s");
        assertEquals("E", run.outcome().error(), "error after the retries");
        assertEquals(1 + 3, run.outcome().billedTransitions(), "one state entered plus three retries");
    }

    @Test
    void retry_maxDelaySeconds_capsEachWait() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'Resource': '" + FN
                + "', 'Retry': [{'ErrorEquals': ['States.ALL'], 'IntervalSeconds': 5, 'MaxAttempts': 3, "
                + "'MaxDelaySeconds': 8}], 'End': true}}}", "{}", failing("E", new AtomicInteger()));
        assertEquals(AslTesting.START.plusSeconds(5 + 8 + 8), run.clock().now(), "waits 5 s, then 8 s twice");
    }

    @Test
    void catch_matchingError_routesWithErrorAtResultPath() throws Exception {
        AslTesting.Run run = AslTesting.run("{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'Resource': '" + FN
                + "', 'Catch': [{'ErrorEquals': ['Other'], 'Next': 'Handled'}, {'ErrorEquals': ['States.TaskFailed'], "
                + "'ResultPath': '$.err', 'Next': 'Handled'}], 'End': true}, 'Handled': {'Type': 'Pass', 'End': true}}}",
                "{'in': 1}", failing("Custom", new AtomicInteger()));
        assertEquals("SUCCEEDED", run.outcome().status(), "status");
        assertEquals(AslTesting.JSON.readTree("{\"in\":1,\"err\":{\"Error\":\"Custom\",\"Cause\":\"boom\"}}"),
                run.output(), "States.TaskFailed matches any task error");
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionFailed", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
                run.types(), "history");
    }

    @Test
    void task_slowFunction_timesOutAsStatesTimeout() throws Exception {
        VirtualClock clock = new VirtualClock(AslTesting.START);
        TaskInvoker sleeps60 = (arn, payload, timeout) -> {
            try {
                clock.sleepUntil(clock.now().plusSeconds(60));
            } catch (InterruptedException e) {
                throw new TaskFailure("Interrupted", "");
            }
            return payload;
        };
        AslTesting.Run run = AslTesting.run("{'StartAt': 'T', 'States': {'T': {'Type': 'Task', 'Resource': '" + FN
                + "', 'TimeoutSeconds': 5, 'End': true}}}", "{}", sleeps60, clock);
        assertEquals("States.Timeout", run.outcome().error(), "error");
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionTimedOut", "ExecutionFailed"), run.types(), "history");
    }
}
