package avmon.local.sfn.asl.jsonpath;

import avmon.local.sfn.asl.StateError;
import avmon.local.sfn.asl.intrinsic.IntrinsicCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * {@code Assign}): keys ending in {@code .$} take their value from a path, the context object, a variable
 * or an intrinsic function; everything else is copied. Compiled once, when the definition is parsed.
 */
public abstract class PayloadTemplate {

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException when a {@code .$} value is not a valid path or call; the message
     *                                  names the key
     */
    public static PayloadTemplate compile(JsonNode template) {
        if (template.isObject()) {
            List<Field> fields = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = template.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$")) {
                    if (!e.getValue().isTextual()) {
                        throw new IllegalArgumentException("the value of '" + key + "' must be a string");
                    }
                    String name = key.substring(0, key.length() - 2);
                    fields.add(new Field(name, dynamic(key, e.getValue().textValue())));
                } else {
                    fields.add(new Field(key, compile(e.getValue())));
                }
            }
            return new ObjectTemplate(fields, template);
        }
        if (template.isArray()) {
            List<PayloadTemplate> items = new ArrayList<>();
            boolean dynamic = false;
            for (JsonNode item : template) {
                PayloadTemplate t = compile(item);
                dynamic |= !(t instanceof Constant);
                items.add(t);
            }
            return dynamic ? new ArrayTemplate(items) : new Constant(template);
        }
        return new Constant(template);
    }

    private static PayloadTemplate dynamic(String key, String expression) {
        try {
            if (IntrinsicCall.looksLikeCall(expression)) {
                return new IntrinsicValue(IntrinsicCall.parse(expression));
            }
            return new PathValue(key, ValuePath.compile(expression));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the value of '" + key + "' is not a valid path or intrinsic function: "
                    + e.getMessage(), e);
        }
    }

    /** Builds the payload for one state run. */
    public abstract JsonNode evaluate(PathScope scope) throws StateError;

    /** True when evaluating never looks at the scope. */
    boolean isConstant() {
        return false;
    }

    private record Field(String name, PayloadTemplate value) {
    }

    private static final class Constant extends PayloadTemplate {
        private final JsonNode value;

        Constant(JsonNode value) {
            this.value = value;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            return value;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }

    private static final class ObjectTemplate extends PayloadTemplate {
        private final List<Field> fields;
        private final JsonNode original;
        private final boolean constant;

        ObjectTemplate(List<Field> fields, JsonNode original) {
            this.fields = List.copyOf(fields);
            this.original = original;
            this.constant = fields.stream().allMatch(f -> f.value().isConstant());
        }

        @Override
        public JsonNode evaluate(PathScope scope) throws StateError {
            if (constant) {
                return original;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Field f : fields) {
                out.set(f.name(), f.value().evaluate(scope));
            }
            return out;
        }

        @Override
        boolean isConstant() {
            return constant;
        }
    }

    private static final class ArrayTemplate extends PayloadTemplate {
        private final List<PayloadTemplate> items;

        ArrayTemplate(List<PayloadTemplate> items) {
            this.items = List.copyOf(items);
        }

        @Override
        public JsonNode evaluate(PathScope scope) throws StateError {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(items.size());
            for (PayloadTemplate t : items) {
                out.add(t.evaluate(scope));
            }
            return out;
        }
    }

    private static final class PathValue extends PayloadTemplate {
        private final String key;
        private final ValuePath path;

        PathValue(String key, ValuePath path) {
            this.key = key;
            this.path = path;
        }

        @Override
        public JsonNode evaluate(PathScope scope) throws StateError {
            JsonNode value = path.readOrNull(scope);
            if (value == null) {
                JsonNode document = path.onContext() ? scope.context() : scope.input();
                throw StateError.runtime("The JSONPath '" + path.text() + "' specified for the field '" + key
                        + "' could not be found in the input '" + document + "'");
            }
            return value;
        }
    }

    private static final class IntrinsicValue extends PayloadTemplate {
        private final IntrinsicCall call;

        IntrinsicValue(IntrinsicCall call) {
            this.call = call;
        }

        @Override
        public JsonNode evaluate(PathScope scope) throws StateError {
            return call.evaluate(scope);
        }
    }
}
