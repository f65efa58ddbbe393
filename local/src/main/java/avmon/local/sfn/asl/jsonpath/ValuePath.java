package avmon.local.sfn.asl.jsonpath;

import avmon.local.sfn.asl.StateError;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A path as ASL's JSONPath query language allows it in a field: on the state input ({@code $.a}), on the
 * context object ({@code $$.Execution.Id}) or on a variable ({@code $name.a}).
 */
public final class ValuePath {

    private enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    private final JsonPathQuery query;

    private ValuePath(String text, Root root, String variable, JsonPathQuery query) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.query = query;
    }

    /**
     * Compiles a path.
     *
     * @throws IllegalArgumentException when it is not a valid path
     */
    public static ValuePath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + text);
        }
        if (text.startsWith("$$")) {
            return new ValuePath(text, Root.CONTEXT, null, JsonPathQuery.compile(text.substring(1)));
        }
        int end = 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        if (end > 1) {
            String name = text.substring(1, end);
            return new ValuePath(text, Root.VARIABLE, name, JsonPathQuery.compile("$" + text.substring(end)));
        }
        return new ValuePath(text, Root.INPUT, null, JsonPathQuery.compile(text));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    public String text() {
        return text;
    }

    /** True for {@code $$...} paths. */
    public boolean onContext() {
        return root == Root.CONTEXT;
    }

    /** The variable this path reads, or {@code null}. */
    public String variable() {
        return variable;
    }

    /** The value, failing with States.Runtime when nothing is selected. */
    public JsonNode read(PathScope scope) throws StateError {
        return query.read(document(scope));
    }

    /** The value, or {@code null} when nothing is selected. */
    public JsonNode readOrNull(PathScope scope) throws StateError {
        return query.readOrNull(document(scope));
    }

    private JsonNode document(PathScope scope) throws StateError {
        return switch (root) {
            case INPUT -> scope.input();
            case CONTEXT -> scope.context();
            case VARIABLE -> {
                JsonNode value = scope.variable(variable);
                if (value == null) {
                    throw StateError.runtime("Invalid path '" + text + "': The variable '$" + variable
                            + "' is not defined.");
                }
                yield value;
            }
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
