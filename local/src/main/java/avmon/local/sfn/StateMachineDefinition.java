package avmon.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** A validated state machine definition that can run executions; immutable, shared by all its executions. */
public interface StateMachineDefinition {

    /**
     * Runs one execution to its end on the calling thread, writing its history (from ExecutionStarted to
     * ExecutionSucceeded/Failed/TimedOut) to {@code history}.
     *
     * @throws InterruptedException when the calling thread is interrupted (StopExecution); the caller then
     *                              writes ExecutionAborted
     */
    ExecutionOutcome run(JsonNode input, ExecutionContext context, HistorySink history) throws InterruptedException;
}
