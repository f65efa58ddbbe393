package avmon.cdk.context;

/** A context value ({@code -c key=value} or cdk.json) that cannot be used: names the key, the value and what would do. */
public final class InvalidContextException extends IllegalArgumentException {

    public InvalidContextException(String key, Object value, String expected) {
        super("context '" + key + "' = '" + value + "': " + expected);
    }
}
