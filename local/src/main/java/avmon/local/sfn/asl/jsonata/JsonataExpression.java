package avmon.local.sfn.asl.jsonata;

import avmon.local.sfn.asl.StateError;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One {@code {% ... %}} expression, compiled once with dashjoin's JSONata, evaluated with {@code $states}
 * and the workflow variables bound, plus the functions AWS adds ({@code $partition}, {@code $range},
 * {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}).
 */
public final class JsonataExpression {

    private final String source;
    private final String field;
    private final Jsonata compiled;

    private JsonataExpression(String source, String field, Jsonata compiled) {
        this.source = source;
        this.field = field;
        this.compiled = compiled;
    }

    /** True when {@code text} is written as {@code {% expression %}}. */
    public static boolean isExpression(String text) {
        return text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
    }

    /**
     * Compiles the expression inside {@code {% %}}.
     *
     * @param field where it sits, for messages: {@code Output/result}, {@code Arguments}, {@code Items}...
     * @throws IllegalArgumentException when it does not parse
     */
    public static JsonataExpression compile(String text, String field) {
        String source = text.substring(2, text.length() - 2).trim();
        try {
            Jsonata compiled = Jsonata.jsonata(source);
            compiled.setOutputConvertNulls(false); // keep JSON null apart from undefined (Java null)
            return new JsonataExpression(source, field, compiled);
        } catch (JException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the JSONata expression '" + source + "' in '" + field
                    + "' does not parse: " + e.getMessage(), e);
        }
    }

    public String source() {
        return source;
    }

    public String field() {
        return field;
    }

    /**
     * Evaluates the expression.
     *
     * @param states    the value of {@code $states}
     * @param variables workflow variables in scope (name to value)
     * @return the result, {@code null} for undefined
     */
    public JsonNode evaluateOrUndefined(JsonNode states, Map<String, JsonNode> variables) throws StateError {
        Object result;
        synchronized (compiled) {
            Jsonata.Frame frame = compiled.createFrame();
            AwsFunctions.bindAll(frame);
            for (Map.Entry<String, JsonNode> v : variables.entrySet()) {
                frame.bind(v.getKey(), JsonataValues.toJava(v.getValue()));
            }
            frame.bind("states", JsonataValues.toJava(states));
            try {
                result = compiled.evaluate(JsonataValues.toJava(states.get("input")), frame);
            } catch (RuntimeException e) {
                throw StateError.queryEvaluation("The JSONata expression '" + source + "' specified for the field '"
                        + field + "' threw an error during evaluation. " + describe(e));
            }
        }
        try {
            return JsonataValues.toJson(result);
        } catch (JsonataValues.UnsupportedValueException e) {
            throw StateError.queryEvaluation("The JSONata expression '" + source + "' specified for the field '"
                    + field + "' returned an unsupported result type.");
        }
    }

    /** Evaluates the expression; undefined is an error, as in AWS. */
    public JsonNode evaluate(JsonNode states, Map<String, JsonNode> variables) throws StateError {
        JsonNode value = evaluateOrUndefined(states, variables);
        if (value == null) {
            throw StateError.queryEvaluation("The JSONata expression '" + source + "' specified for the field '"
                    + field + "' returned nothing (undefined).");
        }
        return value;
    }

    /** AWS's wording for a result of the wrong type. */
    public StateError unexpectedType(String expected, JsonNode value) {
        return StateError.queryEvaluation("The JSONata expression '" + source + "' specified for the field '"
                + field + "' returned an unexpected result type. Expected '" + expected + "', but was '"
                + JsonataValues.typeName(value) + "' for value: " + value);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof JException je && je.getError() != null) {
            return je.getError() + ": " + je.getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    @Override
    public String toString() {
        return "{% " + source + " %}";
    }
}
