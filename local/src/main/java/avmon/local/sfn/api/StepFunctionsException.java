package avmon.local.sfn.api;

/** A Step Functions API call that AWS would refuse, with the error code AWS would return. */
public class StepFunctionsException extends RuntimeException {

    private final SfnErrorCode code;

    public StepFunctionsException(SfnErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The API error code, e.g. {@link SfnErrorCode#ExecutionDoesNotExist}. */
    public SfnErrorCode code() {
        return code;
    }
}
