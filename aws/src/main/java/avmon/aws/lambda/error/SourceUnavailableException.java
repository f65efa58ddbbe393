package avmon.aws.lambda.error;

/** The source could not be read this time (a 5xx, a refused connection, a timeout): transient, so the workflow retries it. */
public class SourceUnavailableException extends FunctionException {

    public SourceUnavailableException(String message) {
        super(message, null);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
