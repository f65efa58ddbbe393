package avmon.local.sfn.api;

import avmon.local.sfn.SfnClock;
import avmon.local.sfn.TaskInvoker;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link StepFunctionsService} is set up. Start from {@link #defaults()} and change what differs.
 *
 * @param region            the region in ARNs
 * @param accountId         the account in ARNs
 * @param clock             the engine's clock (tests pass one they advance)
 * @param tasks             how Lambda tasks run
 * @param executionThreads  how many executions run at the same time; more wait in line as RUNNING
 * @param historyEventLimit the most events one execution may write before it fails, as on AWS (25,000);
 *                          {@link #NO_HISTORY_LIMIT} lifts it (benchmarks, loops that never continue as new)
 * @param taskTimeLimit     the longest a task invocation may run when its state sets no timeout (Lambda's
 *                          own limit is 15 minutes); a task that runs longer fails with States.Timeout
 * @param stopGracePeriod   how long StopExecution and close() wait for an execution to unwind after its
 *                          thread is interrupted before they mark it aborted anyway
 */
public record StepFunctionsConfig(String region, String accountId, SfnClock clock, TaskInvoker tasks,
                                  int executionThreads, int historyEventLimit, Duration taskTimeLimit,
                                  Duration stopGracePeriod) {

    /** AWS's limit on the events in one execution's history. */
    public static final int AWS_HISTORY_EVENT_LIMIT = 25_000;
    /** A history limit that is never reached. */
    public static final int NO_HISTORY_LIMIT = Integer.MAX_VALUE;

    public StepFunctionsConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(taskTimeLimit, "taskTimeLimit");
        Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        if (executionThreads < 1) {
            throw new IllegalArgumentException("executionThreads must be at least 1, was " + executionThreads);
        }
        if (historyEventLimit < 3) {
            throw new IllegalArgumentException("historyEventLimit must be at least 3, was " + historyEventLimit);
        }
    }

    /** us-east-1, account 000000000000, the system clock, no Lambda functions, 256 threads, AWS's limits. */
    public static StepFunctionsConfig defaults() {
        return new StepFunctionsConfig("us-east-1", "000000000000", SfnClock.SYSTEM, TaskInvoker.NONE, 256,
                AWS_HISTORY_EVENT_LIMIT, Duration.ofMinutes(15), Duration.ofSeconds(5));
    }

    public StepFunctionsConfig withRegion(String value) {
        return new StepFunctionsConfig(value, accountId, clock, tasks, executionThreads, historyEventLimit,
                taskTimeLimit, stopGracePeriod);
    }

    public StepFunctionsConfig withAccountId(String value) {
        return new StepFunctionsConfig(region, value, clock, tasks, executionThreads, historyEventLimit,
                taskTimeLimit, stopGracePeriod);
    }

    public StepFunctionsConfig withClock(SfnClock value) {
        return new StepFunctionsConfig(region, accountId, value, tasks, executionThreads, historyEventLimit,
                taskTimeLimit, stopGracePeriod);
    }

    public StepFunctionsConfig withTasks(TaskInvoker value) {
        return new StepFunctionsConfig(region, accountId, clock, value, executionThreads, historyEventLimit,
                taskTimeLimit, stopGracePeriod);
    }

    public StepFunctionsConfig withExecutionThreads(int value) {
        return new StepFunctionsConfig(region, accountId, clock, tasks, value, historyEventLimit,
                taskTimeLimit, stopGracePeriod);
    }

    public StepFunctionsConfig withHistoryEventLimit(int value) {
        return new StepFunctionsConfig(region, accountId, clock, tasks, executionThreads, value,
                taskTimeLimit, stopGracePeriod);
    }

    public StepFunctionsConfig withTaskTimeLimit(Duration value) {
        return new StepFunctionsConfig(region, accountId, clock, tasks, executionThreads, historyEventLimit,
                value, stopGracePeriod);
    }

    public StepFunctionsConfig withStopGracePeriod(Duration value) {
        return new StepFunctionsConfig(region, accountId, clock, tasks, executionThreads, historyEventLimit,
                taskTimeLimit, value);
    }
}
