package avmon.aws.lambda.error;

/** A frame or audio buffer the segment's manifest names is not in the frame store (expired, deleted, or never written). */
public class FramesMissingException extends FunctionException {

    public FramesMissingException(String message) {
        super(message, null);
    }

    public FramesMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
