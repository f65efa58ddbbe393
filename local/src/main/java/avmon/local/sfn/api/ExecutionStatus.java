package avmon.local.sfn.api;

/** The status of an execution, as DescribeExecution reports it. */
public enum ExecutionStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED;

    /** Parses the status an interpreter reports in its outcome. */
    static ExecutionStatus ofOutcome(String status) {
        try {
            ExecutionStatus parsed = valueOf(status);
            if (parsed != RUNNING) {
                return parsed;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // fall through: an interpreter that reports nonsense has failed the execution
        }
        throw new IllegalStateException("the interpreter ended an execution with status " + status);
    }
}
