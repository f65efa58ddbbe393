package avmon.local.sfn.asl.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

/** What a JSONPath expression in a state can see: the input, the context object and the variables. */
public interface PathScope {

    /** The document that {@code $} refers to. */
    JsonNode input();

    /** The context object that {@code $$} refers to. */
    JsonNode context();

    /** The variable's value, or {@code null} when no such variable is in scope. */
    JsonNode variable(String name);
}
