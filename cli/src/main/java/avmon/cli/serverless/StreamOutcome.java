package avmon.cli.serverless;

import java.util.List;

/**
 * How one stream's executions ended.
 *
 * @param streamId      the stream
 * @param executionArns its executions in order: the first, then each successor it continued as
 * @param status        the last execution's status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED)
 * @param error         the last execution's error, or {@code null}
 * @param cause         the last execution's cause, or {@code null}
 * @param segments      segments the stream had when it succeeded, or {@code null} when it did not
 * @param statesEntered states entered over all its executions, from their histories
 * @param retries       task retries over all its executions, from their histories
 */
public record StreamOutcome(String streamId, List<String> executionArns, String status, String error, String cause,
                            Integer segments, long statesEntered, long retries) {

    public StreamOutcome {
        executionArns = List.copyOf(executionArns);
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /** Billed transitions as the histories show them: every state entered and every retry. */
    public long historyTransitions() {
        return statesEntered + retries;
    }
}
