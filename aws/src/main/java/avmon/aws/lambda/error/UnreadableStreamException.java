package avmon.aws.lambda.error;

/** The stream exists but cannot be read as one: the playlist is not HLS, or a segment does not decode. */
public class UnreadableStreamException extends FunctionException {

    public UnreadableStreamException(String message) {
        super(message, null);
    }

    public UnreadableStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
