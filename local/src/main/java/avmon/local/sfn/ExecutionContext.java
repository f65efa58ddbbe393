package avmon.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What one execution gets from the service that runs it: its identity (for the context object), the
 * clock, the task invoker and a way to start other executions ({@code states:startExecution}).
 *
 * @param executionArn     the execution's ARN
 * @param executionName    the execution's name
 * @param stateMachineArn  the state machine's ARN
 * @param stateMachineName the state machine's name
 * @param roleArn          the role the state machine was created with
 * @param startTime        when the execution started
 * @param redriveCount     0 unless redriven
 * @param clock            the engine's clock
 * @param tasks            how Lambda tasks run
 * @param executions       how nested executions start
 */
public record ExecutionContext(String executionArn, String executionName, String stateMachineArn,
                               String stateMachineName, String roleArn, Instant startTime, int redriveCount,
                               SfnClock clock, TaskInvoker tasks, ExecutionStarter executions) {

    /** Starts another execution for the {@code arn:aws:states:::states:startExecution} resource. */
    public interface ExecutionStarter {

        /**
         * Starts an execution of {@code stateMachineArn} and returns AWS's StartExecution response
         * ({@code ExecutionArn}, {@code StartDate}); with {@code sync} set, waits for it and returns
         * the DescribeExecution response instead.
         */
        ObjectNode start(String stateMachineArn, String name, JsonNode input, boolean sync) throws TaskFailure;

        /** A starter that knows no state machine. */
        ExecutionStarter NONE = (arn, name, input, sync) -> {
            throw new TaskFailure("StepFunctions.StateMachineDoesNotExistException",
                    "State Machine Does Not Exist: '" + arn + "'");
        };
    }
}
