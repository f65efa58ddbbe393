package avmon.aws.lambda.error;

/** The event is not what the function takes: not JSON, a field missing or of the wrong type, or a value (a stream id, a detector name) that is refused. Retrying cannot help. */
public class InvalidEventException extends FunctionException {

    public InvalidEventException(String message) {
        super(message, null);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
