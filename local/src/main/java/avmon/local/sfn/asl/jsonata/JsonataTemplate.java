package avmon.local.sfn.asl.jsonata;

import avmon.local.sfn.asl.StateError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSONata-language field value ({@code Arguments}, {@code Output}, {@code Assign}, ...): any JSON in which
 * strings written {@code {% ... %}} are expressions. Compiled once.
 */
public abstract class JsonataTemplate {

    /**
     * Compiles a template.
     *
     * @param field the field's name for messages, e.g. {@code Output}
     */
    public static JsonataTemplate compile(JsonNode template, String field) {
        if (template.isTextual() && JsonataExpression.isExpression(template.textValue())) {
            return new Expression(JsonataExpression.compile(template.textValue(), field));
        }
        if (template.isObject()) {
            List<Map.Entry<String, JsonataTemplate>> fields = new ArrayList<>();
            boolean constant = true;
            Iterator<Map.Entry<String, JsonNode>> it = template.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonataTemplate t = compile(e.getValue(), field + "/" + e.getKey());
                constant &= t instanceof Constant;
                fields.add(Map.entry(e.getKey(), t));
            }
            return constant ? new Constant(template) : new ObjectTemplate(fields);
        }
        if (template.isArray()) {
            List<JsonataTemplate> items = new ArrayList<>();
            boolean constant = true;
            int i = 0;
            for (JsonNode item : template) {
                JsonataTemplate t = compile(item, field + "[" + i++ + "]");
                constant &= t instanceof Constant;
                items.add(t);
            }
            return constant ? new Constant(template) : new ArrayTemplate(items);
        }
        return new Constant(template);
    }

    /** Evaluates every expression in the template; undefined values are errors. */
    public abstract JsonNode evaluate(JsonNode states, Map<String, JsonNode> variables) throws StateError;

    /** The single expression when the whole template is one, else {@code null}. */
    public JsonataExpression asExpression() {
        return null;
    }

    private static final class Constant extends JsonataTemplate {
        private final JsonNode value;

        Constant(JsonNode value) {
            this.value = value;
        }

        @Override
        public JsonNode evaluate(JsonNode states, Map<String, JsonNode> variables) {
            return value;
        }
    }

    private static final class Expression extends JsonataTemplate {
        private final JsonataExpression expression;

        Expression(JsonataExpression expression) {
            this.expression = expression;
        }

        @Override
        public JsonNode evaluate(JsonNode states, Map<String, JsonNode> variables) throws StateError {
            return expression.evaluate(states, variables);
        }

        @Override
        public JsonataExpression asExpression() {
            return expression;
        }
    }

    private static final class ObjectTemplate extends JsonataTemplate {
        private final List<Map.Entry<String, JsonataTemplate>> fields;

        ObjectTemplate(List<Map.Entry<String, JsonataTemplate>> fields) {
            this.fields = List.copyOf(fields);
        }

        @Override
        public JsonNode evaluate(JsonNode states, Map<String, JsonNode> variables) throws StateError {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonataTemplate> f : fields) {
                out.set(f.getKey(), f.getValue().evaluate(states, variables));
            }
            return out;
        }
    }

    private static final class ArrayTemplate extends JsonataTemplate {
        private final List<JsonataTemplate> items;

        ArrayTemplate(List<JsonataTemplate> items) {
            this.items = List.copyOf(items);
        }

        @Override
        public JsonNode evaluate(JsonNode states, Map<String, JsonNode> variables) throws StateError {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(items.size());
            for (JsonataTemplate t : items) {
                out.add(t.evaluate(states, variables));
            }
            return out;
        }
    }
}
