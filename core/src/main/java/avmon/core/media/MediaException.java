package avmon.core.media;

/**
 * An input that cannot be read: the message is one line a user can act on, the {@link Reason} lets callers
 * (the CLI's exit code, the state machine's Catch) tell the cases apart.
 */
public class MediaException extends Exception {

    /** Why an input could not be read. */
    public enum Reason {
        /** The file or URL does not exist (missing file, HTTP 404). */
        NOT_FOUND,
        /** The input exists but is not audio or video FFmpeg understands. */
        NOT_MEDIA,
        /** The input has neither a video nor an audio stream the detectors can use. */
        NO_USABLE_STREAM,
        /** Reading stopped part way (truncated file, connection lost). */
        READ_FAILED
    }

    private final Reason reason;
    private final String source;

    public MediaException(Reason reason, String source, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.source = source;
    }

    public MediaException(Reason reason, String source, String message) {
        this(reason, source, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public String source() {
        return source;
    }
}
