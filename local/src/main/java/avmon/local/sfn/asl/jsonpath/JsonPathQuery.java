package avmon.local.sfn.asl.jsonpath;

import avmon.local.sfn.asl.StateError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * One JSONPath expression compiled once (Jayway's implementation, the one AWS's messages come from) and
 * read against Jackson trees.
 */
public final class JsonPathQuery {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();

    private final String text;
    private final JsonPath compiled;

    private JsonPathQuery(String text, JsonPath compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    /**
     * Compiles {@code text}, which must start with {@code $}.
     *
     * @throws IllegalArgumentException when the text is not a JSONPath
     */
    public static JsonPathQuery compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath must start with '$': " + text);
        }
        if (text.equals("$")) {
            return new JsonPathQuery(text, null);
        }
        try {
            return new JsonPathQuery(text, JsonPath.compile(text));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid JSONPath '" + text + "': " + e.getMessage(), e);
        }
    }

    public String text() {
        return text;
    }

    /** True when the path selects at most one value (no wildcard, filter, slice or deep scan). */
    public boolean isDefinite() {
        return compiled == null || compiled.isDefinite();
    }

    /**
     * Reads the value the path selects.
     *
     * @throws StateError States.Runtime when the path selects nothing, worded as AWS words it
     */
    public JsonNode read(JsonNode document) throws StateError {
        if (compiled == null) {
            return document;
        }
        try {
            return toNode(compiled.read(document, CONFIGURATION));
        } catch (JsonPathException | IllegalArgumentException e) {
            if (!compiled.isDefinite()) {
                return JsonNodeFactory.instance.arrayNode(); // a wildcard or slice over nothing selects nothing
            }
            throw StateError.runtime("Invalid path '" + text + "' : " + e.getMessage());
        }
    }

    /** Reads the value, or returns {@code null} when the path selects nothing. */
    public JsonNode readOrNull(JsonNode document) {
        if (compiled == null) {
            return document;
        }
        try {
            return toNode(compiled.read(document, CONFIGURATION));
        } catch (JsonPathException | IllegalArgumentException e) {
            return compiled.isDefinite() ? null : JsonNodeFactory.instance.arrayNode();
        }
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        // Jayway unwraps leaf values; wrapping them directly is much cheaper than valueToTree.
        if (value instanceof String s) {
            return JsonNodeFactory.instance.textNode(s);
        }
        if (value instanceof Integer i) {
            return JsonNodeFactory.instance.numberNode(i);
        }
        if (value instanceof Long l) {
            return JsonNodeFactory.instance.numberNode(l);
        }
        if (value instanceof Double d) {
            return JsonNodeFactory.instance.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b);
        }
        return MAPPER.valueToTree(value);
    }

    @Override
    public String toString() {
        return text;
    }
}
