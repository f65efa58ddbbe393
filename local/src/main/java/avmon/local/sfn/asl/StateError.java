package avmon.local.sfn.asl;

/**
 * An error raised while a state runs, named as Step Functions names errors ({@code States.Runtime},
 * {@code States.TaskFailed}, a Lambda's own error type...). Errors from data processing carry a bare
 * message; the interpreter adds the state's name and entered-event id the way AWS words its causes.
 */
public class StateError extends Exception {

    public static final String RUNTIME = "States.Runtime";
    public static final String QUERY_EVALUATION = "States.QueryEvaluationError";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

    private final String error;
    private final String errorCause;
    private final boolean needsLocation;

    private StateError(String error, String cause, boolean needsLocation) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause;
        this.needsLocation = needsLocation;
    }

    /** An error with its final cause text ({@code null} cause allowed, as a Fail state may have none). */
    public static StateError of(String error, String cause) {
        return new StateError(error, cause, false);
    }

    /** A States.Runtime error whose cause the interpreter prefixes with the state's location. */
    public static StateError runtime(String message) {
        return new StateError(RUNTIME, message, true);
    }

    /** A States.QueryEvaluationError (JSONata) whose cause the interpreter prefixes with the location. */
    public static StateError queryEvaluation(String message) {
        return new StateError(QUERY_EVALUATION, message, true);
    }

    /** The same error with AWS's "An error occurred while executing the state ..." prefix. */
    public StateError locatedAt(String stateName, long enteredEventId) {
        if (!needsLocation) {
            return this;
        }
        return new StateError(error, "An error occurred while executing the state '" + stateName
                + "' (entered at the event id #" + enteredEventId + "). " + errorCause, false);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return errorCause;
    }
}
