package avmon.local.sfn.api;

import avmon.local.sfn.TaskFailure;
import avmon.local.sfn.TaskInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure no task invocation outlives its timeout, even when the invoker behind it ignores the timeout
 * it is given or never returns: the call runs on a thread of its own and the execution stops waiting for
 * it at the deadline, with States.Timeout as AWS reports a task that timed out.
 */
final class TimeLimitedTaskInvoker implements TaskInvoker {

    private final TaskInvoker delegate;
    private final Duration defaultLimit;
    private final ExecutorService calls;

    /**
     * @param defaultLimit the limit for a task whose state sets no timeout
     * @param calls        runs the invocations; its threads must be daemons
     */
    TimeLimitedTaskInvoker(TaskInvoker delegate, Duration defaultLimit, ExecutorService calls) {
        this.delegate = delegate;
        this.defaultLimit = defaultLimit;
        this.calls = calls;
    }

    @Override
    public JsonNode invoke(String functionArn, JsonNode payload, Duration timeout) throws TaskFailure {
        Duration limit = timeout == null ? defaultLimit : timeout;
        Future<JsonNode> call = calls.submit(() -> delegate.invoke(functionArn, payload, limit));
        try {
            return call.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new TaskFailure("States.Timeout", "Task timed out after " + limit.toMillis() / 1000.0 + " seconds");
        } catch (InterruptedException e) {
            // The execution is being stopped: give up the call and let the interpreter see the interruption.
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new TaskFailure("States.Runtime", "The task was interrupted because the execution is stopping");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TaskFailure failure) {
                throw failure;
            }
            throw new TaskFailure("Lambda.Unknown", "The task invoker failed: " + e.getCause());
        }
    }
}
