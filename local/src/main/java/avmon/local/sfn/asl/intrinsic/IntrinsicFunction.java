package avmon.local.sfn.asl.intrinsic;

import avmon.local.sfn.asl.StateError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The States.* intrinsic functions, with the argument checks AWS applies. */
enum IntrinsicFunction {

    FORMAT("States.Format", 1, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            String template = string(a, 0);
            StringBuilder out = new StringBuilder();
            int next = 1;
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c == '\\' && i + 1 < template.length()) {
                    out.append(template.charAt(++i));
                } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    if (next >= a.size()) {
                        throw fail("the number of arguments does not match the number of placeholders in '"
                                + template + "'");
                    }
                    out.append(formatted(a.get(next++)));
                    i++;
                } else {
                    out.append(c);
                }
            }
            if (next != a.size()) {
                throw fail("the number of arguments does not match the number of placeholders in '" + template + "'");
            }
            return text(out.toString());
        }
    },
    STRING_TO_JSON("States.StringToJson", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            String s = string(a, 0);
            try {
                return s.isBlank() ? JsonNodeFactory.instance.nullNode() : JSON.readTree(s);
            } catch (JsonProcessingException e) {
                throw fail("the argument of States.StringToJson is not valid JSON: " + s);
            }
        }
    },
    JSON_TO_STRING("States.JsonToString", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> a) {
            return text(a.get(0).toString());
        }
    },
    ARRAY("States.Array", 0, Integer.MAX_VALUE) {
        @Override
        JsonNode apply(List<JsonNode> a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(a.size());
            out.addAll(a);
            return out;
        }
    },
    ARRAY_PARTITION("States.ArrayPartition", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            ArrayNode array = array(a, 0);
            long size = integer(a, 1);
            if (size <= 0) {
                throw fail("States.ArrayPartition's chunk size must be greater than 0, but was " + size);
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            ArrayNode chunk = null;
            for (JsonNode item : array) {
                if (chunk == null || chunk.size() == size) {
                    chunk = out.addArray();
                }
                chunk.add(item);
            }
            return out;
        }
    },
    ARRAY_CONTAINS("States.ArrayContains", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            ArrayNode array = array(a, 0);
            for (JsonNode item : array) {
                if (sameValue(item, a.get(1))) {
                    return JsonNodeFactory.instance.booleanNode(true);
                }
            }
            return JsonNodeFactory.instance.booleanNode(false);
        }
    },
    ARRAY_RANGE("States.ArrayRange", 3, 3) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            long start = integer(a, 0);
            long end = integer(a, 1);
            long step = integer(a, 2);
            if (step == 0) {
                throw fail("States.ArrayRange's step must not be 0");
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                if (out.size() == 1000) {
                    throw fail("States.ArrayRange cannot produce more than 1000 items");
                }
                out.add(v);
            }
            return out;
        }
    },
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            ArrayNode array = array(a, 0);
            long index = integer(a, 1);
            if (index < 0 || index >= array.size()) {
                throw fail("States.ArrayGetItem's index " + index + " is out of bounds for an array of "
                        + array.size() + " items");
            }
            return array.get((int) index);
        }
    },
    ARRAY_LENGTH("States.ArrayLength", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            return JsonNodeFactory.instance.numberNode(array(a, 0).size());
        }
    },
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : array(a, 0)) {
                boolean seen = false;
                for (JsonNode kept : out) {
                    seen |= sameValue(kept, item);
                }
                if (!seen) {
                    out.add(item);
                }
            }
            return out;
        }
    },
    BASE64_ENCODE("States.Base64Encode", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            String s = string(a, 0);
            if (s.length() > 10_000) {
                throw fail("States.Base64Encode's input is longer than 10000 characters");
            }
            return text(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
    },
    BASE64_DECODE("States.Base64Decode", 1, 1) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            String s = string(a, 0);
            if (s.length() > 10_000) {
                throw fail("States.Base64Decode's input is longer than 10000 characters");
            }
            try {
                return text(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw fail("States.Base64Decode's input is not valid base64: " + s);
            }
        }
    },
    HASH("States.Hash", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            JsonNode data = a.get(0);
            String input = data.isTextual() ? data.textValue() : data.toString();
            String algorithm = string(a, 1);
            if (!Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(algorithm)) {
                throw fail("States.Hash's algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was "
                        + algorithm);
            }
            if (input.length() > 10_000) {
                throw fail("States.Hash's input is longer than 10000 characters");
            }
            try {
                byte[] digest = MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
                return text(HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks " + algorithm, e);
            }
        }
    },
    JSON_MERGE("States.JsonMerge", 3, 3) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            JsonNode left = a.get(0);
            JsonNode right = a.get(1);
            if (!left.isObject() || !right.isObject()) {
                throw fail("States.JsonMerge's arguments must be JSON objects");
            }
            if (!a.get(2).isBoolean() || a.get(2).booleanValue()) {
                throw fail("States.JsonMerge supports only shallow merges: its third argument must be false");
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.setAll((ObjectNode) left);
            out.setAll((ObjectNode) right);
            return out;
        }
    },
    MATH_RANDOM("States.MathRandom", 2, 3) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            long start = rounded(a, 0);
            long end = rounded(a, 1);
            if (end <= start) {
                throw fail("States.MathRandom's end must be greater than its start");
            }
            Random random = a.size() == 3 ? new Random(rounded(a, 2)) : ThreadLocalRandom.current();
            return JsonNodeFactory.instance.numberNode(start + (long) (random.nextDouble() * (end - start)));
        }
    },
    MATH_ADD("States.MathAdd", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            return JsonNodeFactory.instance.numberNode(rounded(a, 0) + rounded(a, 1));
        }
    },
    STRING_SPLIT("States.StringSplit", 2, 2) {
        @Override
        JsonNode apply(List<JsonNode> a) throws StateError {
            String s = string(a, 0);
            String delimiters = string(a, 1);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            StringBuilder token = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (delimiters.indexOf(c) >= 0) {
                    addToken(out, token);
                } else {
                    token.append(c);
                }
            }
            addToken(out, token);
            return out;
        }

        private void addToken(ArrayNode out, StringBuilder token) {
            if (token.length() > 0) {
                out.add(token.toString());
            }
            token.setLength(0);
        }
    },
    UUID_V4("States.UUID", 0, 0) {
        @Override
        JsonNode apply(List<JsonNode> a) {
            return text(UUID.randomUUID().toString());
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String functionName;
    private final int minArgs;
    private final int maxArgs;

    IntrinsicFunction(String functionName, int minArgs, int maxArgs) {
        this.functionName = functionName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    abstract JsonNode apply(List<JsonNode> arguments) throws StateError;

    static IntrinsicFunction named(String name) {
        for (IntrinsicFunction f : values()) {
            if (f.functionName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    void checkArity(int count) {
        if (count < minArgs || count > maxArgs) {
            throw new IllegalArgumentException(functionName + " takes " + (minArgs == maxArgs ? minArgs
                    : minArgs + " to " + (maxArgs == Integer.MAX_VALUE ? "any number of" : maxArgs))
                    + " arguments, but was given " + count);
        }
    }

    StateError fail(String message) {
        return StateError.runtime("The intrinsic function " + functionName + " failed: " + message);
    }

    String string(List<JsonNode> a, int i) throws StateError {
        if (!a.get(i).isTextual()) {
            throw fail("argument " + (i + 1) + " must be a string, but was " + a.get(i));
        }
        return a.get(i).textValue();
    }

    ArrayNode array(List<JsonNode> a, int i) throws StateError {
        if (!a.get(i).isArray()) {
            throw fail("argument " + (i + 1) + " must be an array, but was " + a.get(i));
        }
        return (ArrayNode) a.get(i);
    }

    long integer(List<JsonNode> a, int i) throws StateError {
        JsonNode n = a.get(i);
        if (n.isIntegralNumber() || (n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue()))) {
            return n.longValue();
        }
        throw fail("argument " + (i + 1) + " must be an integer, but was " + n);
    }

    /** A number rounded to the nearest integer, halves up (Java's Math.round), as AWS's math functions do. */
    long rounded(List<JsonNode> a, int i) throws StateError {
        JsonNode n = a.get(i);
        if (!n.isNumber()) {
            throw fail("argument " + (i + 1) + " must be a number, but was " + n);
        }
        return n.isIntegralNumber() ? n.longValue() : Math.round(n.doubleValue());
    }

    static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }

    /** Numbers compare by value (1 equals 1.0), everything else structurally. */
    static boolean sameValue(JsonNode x, JsonNode y) {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue()) == 0;
        }
        return x.equals(y);
    }

    /** How States.Format renders an argument: strings raw, objects and arrays as Java's toString does. */
    static String formatted(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(e.getKey()).append('=').append(formatted(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(formatted(v.get(i)));
            }
            return sb.append(']').toString();
        }
        return v.toString();
    }
}
