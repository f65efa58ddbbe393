package avmon.local.sfn.api;

import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.SfnClock;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One execution as the service keeps it: identity, history, and its life from RUNNING to an end, with
 * the thread that runs it so that a stop can interrupt it. Every state change happens under this
 * object's lock; {@link #awaitEnd} lets callers wait without it.
 */
final class ExecutionRecord {

    private final long sequence;
    private final String arn;
    private final String name;
    private final StateMachine machine;
    private final String input;
    private final Instant startDate;
    private final SfnClock clock;
    private final ExecutionHistory history;
    private final CountDownLatch ended = new CountDownLatch(1);

    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;
    private long billedTransitions;
    private boolean started;
    /** Volatile so the history can interrupt it without this lock (the history's lock is taken inside ours). */
    private volatile Thread runner;
    private boolean stopRequested;
    private String stopError;
    private String stopCause;
    private Future<?> task;

    ExecutionRecord(long sequence, String arn, String name, StateMachine machine, String input, SfnClock clock,
                    int historyLimit) {
        this.sequence = sequence;
        this.arn = arn;
        this.name = name;
        this.machine = machine;
        this.input = input;
        this.clock = clock;
        this.startDate = clock.now();
        this.history = new ExecutionHistory(clock, historyLimit, this::interruptRunner);
    }

    long sequence() {
        return sequence;
    }

    String arn() {
        return arn;
    }

    String name() {
        return name;
    }

    StateMachine machine() {
        return machine;
    }

    String input() {
        return input;
    }

    Instant startDate() {
        return startDate;
    }

    ExecutionHistory history() {
        return history;
    }

    synchronized void setTask(Future<?> value) {
        task = value;
    }

    synchronized ExecutionStatus status() {
        return status;
    }

    synchronized ExecutionDescription describe() {
        return new ExecutionDescription(arn, machine.arn(), name, machine.type(), status, startDate, stopDate, input,
                output, error, cause, billedTransitions);
    }

    /** Registers the thread that runs the execution; false when it was stopped while it waited in line. */
    synchronized boolean attach(Thread thread) {
        if (status != ExecutionStatus.RUNNING) {
            return false;
        }
        started = true;
        runner = thread;
        return true;
    }

    /** Forgets the running thread and clears an interruption that arrived after the interpreter returned. */
    synchronized void detach() {
        runner = null;
        Thread.interrupted();
    }

    /**
     * Ends the execution after its interpreter returned ({@code outcome}), failed ({@code failure}) or was
     * interrupted (both null). A stop or the history limit overrides what the interpreter reported.
     */
    synchronized void complete(ExecutionOutcome outcome, Throwable failure) {
        if (status != ExecutionStatus.RUNNING) {
            return;
        }
        if (history.limitExceeded()) {
            failByService("States.Runtime", "The execution reached the maximum number of history events ("
                    + history.limit() + ").");
        } else if (stopRequested || outcome == null && failure == null) {
            abort();
        } else if (outcome != null && !ExecutionStatus.isEnd(outcome.status())) {
            failByService("States.Runtime", "The local engine ended the execution with status " + outcome.status());
        } else if (outcome != null) {
            status = ExecutionStatus.valueOf(outcome.status());
            output = outcome.output();
            error = outcome.error();
            cause = outcome.cause();
            billedTransitions = outcome.billedTransitions();
            history.seal();
            end();
        } else {
            failByService("States.Runtime", "The local engine failed: " + failure);
        }
    }

    /**
     * Asks the execution to stop: interrupts its thread, or aborts it at once when it has not started.
     *
     * @return false when it had already ended
     */
    synchronized boolean requestStop(String stopErrorName, String stopCauseText) {
        if (status != ExecutionStatus.RUNNING) {
            return false;
        }
        if (!stopRequested) {
            stopRequested = true;
            stopError = stopErrorName;
            stopCause = stopCauseText;
            history.markStopping();
        }
        if (!started) {
            abort();
            if (task != null) {
                task.cancel(false);
            }
        } else if (runner != null) {
            runner.interrupt();
        }
        return true;
    }

    /** Marks a stopped execution aborted even though its thread has not unwound (a task that ignores interrupts). */
    synchronized void forceAbort() {
        if (status == ExecutionStatus.RUNNING) {
            abort();
        }
    }

    /** Waits until the execution ends; false if {@code timeout} passed first. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits until the execution ends. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    synchronized Instant stopDate() {
        return stopDate;
    }

    private void interruptRunner() {
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void abort() {
        status = ExecutionStatus.ABORTED;
        error = stopError;
        cause = stopCause;
        billedTransitions = history.statesEntered();
        history.appendEnd("ExecutionAborted", "executionAbortedEventDetails", errorDetails(stopError, stopCause));
        end();
    }

    private void failByService(String errorName, String causeText) {
        status = ExecutionStatus.FAILED;
        error = errorName;
        cause = causeText;
        billedTransitions = history.statesEntered();
        history.appendEnd("ExecutionFailed", "executionFailedEventDetails", errorDetails(errorName, causeText));
        end();
    }

    private void end() {
        stopDate = clock.now();
        ended.countDown();
    }

    private static ObjectNode errorDetails(String errorName, String causeText) {
        if (errorName == null && causeText == null) {
            return null;
        }
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (errorName != null) {
            details.put("error", errorName);
        }
        if (causeText != null) {
            details.put("cause", causeText);
        }
        return details;
    }
}
