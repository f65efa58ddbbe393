package avmon.local.sfn.asl.jsonpath;

import avmon.local.sfn.asl.StateError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a state puts its result in its input ({@code ResultPath}). ASL allows only reference paths here:
 * field names and array indexes, no wildcards or filters. Writing copies only the objects along the
 * path, so the input (which other holders may still see) is never changed.
 */
public final class ResultPath {

    private final String text;
    private final List<Object> steps;

    private ResultPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Parses a reference path.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static ResultPath compile(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("a ResultPath must be a reference path starting with '$': " + text);
        }
        JsonPathQuery.compile(text); // same syntax check as every other path
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("not a reference path: " + text);
                }
                steps.add(text.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("not a reference path: " + text);
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        steps.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a reference path: " + text);
                    }
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("not a reference path: " + text);
            }
        }
        return new ResultPath(text, List.copyOf(steps));
    }

    public String text() {
        return text;
    }

    /** The input with {@code result} placed at this path. */
    public JsonNode apply(JsonNode input, JsonNode result) throws StateError {
        if (steps.isEmpty()) {
            return result;
        }
        return set(input, 0, result);
    }

    private JsonNode set(JsonNode node, int depth, JsonNode result) throws StateError {
        Object step = steps.get(depth);
        boolean last = depth == steps.size() - 1;
        if (step instanceof String field) {
            ObjectNode copy;
            if (node == null || node.isMissingNode()) {
                copy = JsonNodeFactory.instance.objectNode();
            } else if (node.isObject()) {
                copy = JsonNodeFactory.instance.objectNode();
                copy.setAll((ObjectNode) node);
            } else {
                throw StateError.runtime("Invalid path '" + text + "': Cannot set field '" + field
                        + "' on a value of type " + node.getNodeType().name().toLowerCase());
            }
            copy.set(field, last ? result : set(copy.get(field), depth + 1, result));
            return copy;
        }
        int index = (Integer) step;
        if (node == null || !node.isArray() || index >= node.size()) {
            throw StateError.runtime("Invalid path '" + text + "': index " + index + " is out of range");
        }
        ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(index, last ? result : set(copy.get(index), depth + 1, result));
        return copy;
    }
}
