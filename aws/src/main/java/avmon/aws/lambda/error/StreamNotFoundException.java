package avmon.aws.lambda.error;

/** The stream's playlist or a segment does not exist (no such object, HTTP 404), or the playlist ended before the requested segment. */
public class StreamNotFoundException extends FunctionException {

    public StreamNotFoundException(String message) {
        super(message, null);
    }

    public StreamNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
