package avmon.core.source;

import java.net.URI;

/** A playlist or segment that could not be fetched. */
public class SourceException extends Exception {

    /** Why. */
    public enum Reason {
        /** It does not exist (HTTP 404, no such key, no such file). */
        NOT_FOUND,
        /** It exists but could not be read (HTTP 5xx, connection refused, permission denied ...). */
        FAILED
    }

    private final Reason reason;
    private final URI uri;

    public SourceException(Reason reason, URI uri, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.uri = uri;
    }

    public Reason reason() {
        return reason;
    }

    public URI uri() {
        return uri;
    }
}
