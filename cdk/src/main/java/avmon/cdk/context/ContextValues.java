package avmon.cdk.context;

import java.util.Arrays;
import java.util.List;
import software.constructs.Node;

/**
 * Typed reads of the CDK context. A value comes as a string from {@code -c key=value} and as a JSON value from
 * cdk.json; both are accepted. Every read has a default, so {@code cdk synth} works with no context at all.
 */
public final class ContextValues {

    private final Node node;

    /** Reads the context visible at {@code node} (the app's, for a stack). */
    public ContextValues(Node node) {
        this.node = node;
    }

    /** The value as text, or {@code fallback} when unset or blank. */
    public String text(String key, String fallback) {
        Object value = node.tryGetContext(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        return value.toString().trim();
    }

    /**
     * A whole number in {@code [min, max]}, or {@code fallback} when unset.
     *
     * @throws InvalidContextException when the value is not a whole number in range
     */
    public int integer(String key, int fallback, int min, int max) {
        Object value = node.tryGetContext(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = value instanceof Number number ? Math.toIntExact(number.longValue()) : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidContextException(key, value, "expected a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw new InvalidContextException(key, value, "expected a whole number from " + min + " to " + max);
        }
        return n;
    }

    /**
     * {@code true} or {@code false} (a JSON boolean in cdk.json), or {@code fallback} when unset.
     *
     * @throws InvalidContextException for anything else, so that a misspelt flag is not silently off
     */
    public boolean flag(String key, boolean fallback) {
        Object value = node.tryGetContext(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        return switch (value.toString().trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidContextException(key, value, "expected true or false");
        };
    }

    /** A comma-separated list (or a JSON array in cdk.json), blanks dropped; {@code fallback} when unset. */
    public List<String> list(String key, List<String> fallback) {
        Object value = node.tryGetContext(key);
        if (value == null) {
            return fallback;
        }
        List<String> items = value instanceof List<?> array
                ? array.stream().map(String::valueOf).toList()
                : Arrays.asList(value.toString().split(","));
        List<String> trimmed = items.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        return trimmed.isEmpty() ? fallback : trimmed;
    }
}
