package avmon.aws.lambda.error;

/** A failure a function reports to its caller; the subclass says why, the message says what. */
public abstract class FunctionException extends RuntimeException {

    protected FunctionException(String message, Throwable cause) {
        super(message, cause);
    }
}
