package avmon.local.sfn;

/**
 * How an execution ended.
 *
 * @param status            SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param output            the output as JSON text when SUCCEEDED, else {@code null}
 * @param error             the error name when FAILED or TIMED_OUT, else {@code null}
 * @param cause             the cause text when FAILED or TIMED_OUT, else {@code null}
 * @param billedTransitions state transitions as AWS bills them: every state entered, plus every retry
 */
public record ExecutionOutcome(String status, String output, String error, String cause, long billedTransitions) {
}
