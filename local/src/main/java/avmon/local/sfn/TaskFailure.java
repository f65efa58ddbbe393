package avmon.local.sfn;

/** A task (or a state) failed with an error name and a cause, as Step Functions sees errors. */
public class TaskFailure extends Exception {

    private final String error;
    private final String failureCause;

    public TaskFailure(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.failureCause = cause;
    }

    /** The error name, e.g. {@code "States.TaskFailed"}, {@code "Lambda.ServiceException"}. */
    public String error() {
        return error;
    }

    /** The cause text, possibly JSON. */
    public String cause() {
        return failureCause;
    }
}
