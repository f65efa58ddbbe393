package avmon.monolith.source;

/** An input of a kind the monitor cannot read, such as {@code rtmp://}: a usage error, never retried. */
public class UnsupportedSourceException extends IllegalArgumentException {

    public UnsupportedSourceException(String message) {
        super(message);
    }
}
