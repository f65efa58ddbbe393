package avmon.local.sfn.asl.intrinsic;

import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the small call syntax of intrinsic functions: {@code States.Name(arg, ...)} where an argument is
 * a quoted string ({@code 'a\'b'}), a number, {@code true}/{@code false}/{@code null}, a path or a call.
 */
final class IntrinsicParser {

    private final String text;
    private int pos;

    IntrinsicParser(String text) {
        this.text = text;
    }

    IntrinsicCall parseWhole() {
        IntrinsicCall call = parseCall();
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected text after the call");
        }
        return call;
    }

    private IntrinsicCall parseCall() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '(') {
            pos++;
        }
        if (pos == text.length()) {
            throw error("expected '('");
        }
        String name = text.substring(start, pos).trim();
        IntrinsicFunction function = IntrinsicFunction.named(name);
        if (function == null) {
            throw error("unknown function '" + name + "'");
        }
        pos++;
        List<IntrinsicCall.Argument> args = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            pos++;
        } else {
            while (true) {
                args.add(parseArgument());
                skipSpaces();
                char c = peek();
                pos++;
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or ')'");
                }
            }
        }
        function.checkArity(args.size());
        return new IntrinsicCall(text.substring(start, pos), function, args);
    }

    private IntrinsicCall.Argument parseArgument() {
        skipSpaces();
        char c = peek();
        if (c == '\'') {
            return new IntrinsicCall.Literal(JsonNodeFactory.instance.textNode(parseString()));
        }
        if (c == '$') {
            return new IntrinsicCall.PathArgument(ValuePath.compile(parsePathText()));
        }
        if (text.startsWith("States.", pos)) {
            return new IntrinsicCall.CallArgument(parseCall());
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
            pos++;
        }
        String word = text.substring(start, pos).trim();
        return new IntrinsicCall.Literal(literal(word));
    }

    private JsonNode literal(String word) {
        switch (word) {
            case "true": return JsonNodeFactory.instance.booleanNode(true);
            case "false": return JsonNodeFactory.instance.booleanNode(false);
            case "null": return JsonNodeFactory.instance.nullNode();
            default:
                try {
                    BigDecimal number = new BigDecimal(word);
                    if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                        return JsonNodeFactory.instance.numberNode(number.longValueExact());
                    }
                    return JsonNodeFactory.instance.numberNode(Double.parseDouble(word));
                } catch (NumberFormatException | ArithmeticException e) {
                    throw error("not a valid argument: '" + word + "'");
                }
        }
    }

    private String parseString() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                // \' \\ are unescaped; \{ \} stay escaped for States.Format to read.
                if (next == '{' || next == '}') {
                    sb.append('\\');
                }
                sb.append(next);
            } else if (c == '\'') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private String parsePathText() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid intrinsic function call '" + text + "' at " + pos + ": " + what);
    }
}
