package avmon.core.source;

/** A source the {@link SourcePolicy} does not allow; nothing was fetched. */
public class SourceRejectedException extends Exception {

    private final String source;

    public SourceRejectedException(String source, String reason) {
        super("source rejected: " + source + ": " + reason);
        this.source = source;
    }

    public String source() {
        return source;
    }
}
