package avmon.local.sfn.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between Jackson trees and the plain Java values (maps, lists, numbers) JSONata works on. */
final class JsonataValues {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double MAX_EXACT = 9007199254740992d; // 2^53

    private JsonataValues() {
    }

    /** The Java value JSONata works on; JSON null becomes JSONata's null (Java null would mean undefined). */
    static Object toJava(JsonNode node) {
        if (node == null) {
            return null;
        }
        switch (node.getNodeType()) {
            case NULL:
                return Jsonata.NULL_VALUE;
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(toJava(item)));
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
            default:
                return MAPPER.convertValue(node, Object.class);
        }
    }

    /** Thrown when a result holds something JSON cannot carry (a function). */
    static final class UnsupportedValueException extends Exception {
        UnsupportedValueException() {
            super(null, null, false, false);
        }
    }

    /** The JSON form of a result; {@code null} for JSONata's undefined. */
    static JsonNode toJson(Object value) throws UnsupportedValueException {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof String s) {
            return JsonNodeFactory.instance.textNode(s);
        }
        if (value instanceof Boolean b) {
            return JsonNodeFactory.instance.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                JsonNode v = toJson(e.getValue());
                if (v != null) {
                    out.set(String.valueOf(e.getKey()), v);
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(list.size());
            for (Object item : list) {
                JsonNode v = toJson(item);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        throw new UnsupportedValueException();
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return JsonNodeFactory.instance.numberNode(n.longValue());
        }
        if (n instanceof BigInteger b) {
            return JsonNodeFactory.instance.numberNode(b);
        }
        if (n instanceof BigDecimal d) {
            return JsonNodeFactory.instance.numberNode(d);
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < MAX_EXACT) {
            return JsonNodeFactory.instance.numberNode((long) d);
        }
        return JsonNodeFactory.instance.numberNode(d);
    }

    /** JSONata's own name of a value's type, as AWS's messages use it. */
    static String typeName(JsonNode node) {
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "null";
    }
}
