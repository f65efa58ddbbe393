package avmon.local.sfn.api;

import java.time.Instant;

/**
 * What DescribeExecution tells about one execution, plus the billed transitions the local service
 * keeps for the comparison.
 *
 * @param executionArn      the execution's ARN
 * @param stateMachineArn   its state machine's ARN
 * @param name              its name
 * @param type              its state machine's type
 * @param status            RUNNING until it ends
 * @param startDate         when it started
 * @param stopDate          when it ended, or {@code null} while running
 * @param input             its input as JSON text
 * @param output            its output as JSON text when SUCCEEDED, else {@code null}
 * @param error             the error name when FAILED, TIMED_OUT or ABORTED with an error, else {@code null}
 * @param cause             the cause text, else {@code null}
 * @param billedTransitions state transitions as AWS bills them (the interpreter's count; for an aborted
 *                          execution, the states it entered, since the interpreter reports no count then)
 */
public record ExecutionDescription(String executionArn, String stateMachineArn, String name, StateMachineType type,
                                   ExecutionStatus status, Instant startDate, Instant stopDate, String input,
                                   String output, String error, String cause, long billedTransitions) {
}
