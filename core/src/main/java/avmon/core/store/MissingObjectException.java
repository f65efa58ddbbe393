package avmon.core.store;

/** An object a manifest names is not in the store (expired, deleted, or never written). */
public class MissingObjectException extends RuntimeException {

    private final String key;

    public MissingObjectException(String key, Throwable cause) {
        super("object not found in the frame store: " + key, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
