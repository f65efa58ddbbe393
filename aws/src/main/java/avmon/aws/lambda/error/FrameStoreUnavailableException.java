package avmon.aws.lambda.error;

/**
 * The frame store (S3) could not be written or read this time (a dropped connection, a 5xx after the
 * SDK's own retries): transient, so the workflow retries the step.
 */
public class FrameStoreUnavailableException extends FunctionException {

    public FrameStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
