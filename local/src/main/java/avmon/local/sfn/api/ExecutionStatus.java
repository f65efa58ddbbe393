package avmon.local.sfn.api;

/** The status of an execution, as DescribeExecution reports it. */
public enum ExecutionStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED;

    /** Whether {@code status} names how an execution ended (anything but RUNNING). */
    static boolean isEnd(String status) {
        for (ExecutionStatus value : values()) {
            if (value != RUNNING && value.name().equals(status)) {
                return true;
            }
        }
        return false;
    }
}
