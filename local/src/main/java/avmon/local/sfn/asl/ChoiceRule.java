package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonata.JsonataExpression;
import avmon.local.sfn.asl.jsonata.JsonataTemplate;
import avmon.local.sfn.asl.jsonpath.PathScope;
import avmon.local.sfn.asl.jsonpath.PayloadTemplate;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** A Choice rule: a condition, where to go when it holds, and (optionally) what to assign and output. */
record ChoiceRule(Condition condition, String next, PayloadTemplate jsonPathAssign, JsonataTemplate jsonataAssign,
                  JsonataTemplate output) {

    /** A boolean test on the state's input. */
    interface Condition {
        boolean test(StateRun run, PathScope scope) throws StateError;
    }

    record And(List<Condition> all) implements Condition {
        @Override
        public boolean test(StateRun run, PathScope scope) throws StateError {
            for (Condition c : all) {
                if (!c.test(run, scope)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<Condition> any) implements Condition {
        @Override
        public boolean test(StateRun run, PathScope scope) throws StateError {
            for (Condition c : any) {
                if (c.test(run, scope)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(StateRun run, PathScope scope) throws StateError {
            return !inner.test(run, scope);
        }
    }

    /** JSONata: {@code "Condition": "{% ... %}"}, which must yield a boolean. */
    record JsonataCondition(JsonataExpression expression) implements Condition {
        @Override
        public boolean test(StateRun run, PathScope scope) throws StateError {
            JsonNode value = expression.evaluate(run.states(null, null), run.variables().visible());
            if (!value.isBoolean()) {
                throw expression.unexpectedType("boolean", value);
            }
            return value.booleanValue();
        }
    }

    /** The comparison operators, by family. */
    enum Operator {
        STRING_EQUALS, STRING_LESS_THAN, STRING_GREATER_THAN, STRING_LESS_THAN_EQUALS, STRING_GREATER_THAN_EQUALS,
        STRING_MATCHES,
        NUMERIC_EQUALS, NUMERIC_LESS_THAN, NUMERIC_GREATER_THAN, NUMERIC_LESS_THAN_EQUALS, NUMERIC_GREATER_THAN_EQUALS,
        BOOLEAN_EQUALS,
        TIMESTAMP_EQUALS, TIMESTAMP_LESS_THAN, TIMESTAMP_GREATER_THAN, TIMESTAMP_LESS_THAN_EQUALS,
        TIMESTAMP_GREATER_THAN_EQUALS,
        IS_NULL, IS_PRESENT, IS_NUMERIC, IS_STRING, IS_BOOLEAN, IS_TIMESTAMP;

        /** The ASL name, e.g. {@code StringLessThanEquals}. */
        String aslName() {
            StringBuilder sb = new StringBuilder();
            for (String part : name().split("_")) {
                sb.append(part.charAt(0)).append(part.substring(1).toLowerCase());
            }
            return sb.toString();
        }

        /** The JSON type the operand must have. */
        String operandType() {
            if (name().startsWith("STRING") || name().startsWith("TIMESTAMP")) {
                return "string";
            }
            if (name().startsWith("NUMERIC")) {
                return "number";
            }
            return "boolean";
        }

        boolean isTypeTest() {
            return name().startsWith("IS_");
        }
    }

    /** {@code Variable} compared with a literal or (for {@code ...Path} operators) another path. */
    record Comparison(ValuePath variable, Operator operator, JsonNode literal, ValuePath operandPath, Pattern glob)
            implements Condition {

        @Override
        public boolean test(StateRun run, PathScope scope) throws StateError {
            JsonNode value = operator == Operator.IS_PRESENT ? variable.readOrNull(scope) : variable.read(scope);
            JsonNode operand = operandPath != null ? operandPath.read(scope) : literal;
            return switch (operator) {
                case IS_PRESENT -> (value != null) == operand.booleanValue();
                case IS_NULL -> value.isNull() == operand.booleanValue();
                case IS_NUMERIC -> value.isNumber() == operand.booleanValue();
                case IS_STRING -> value.isTextual() == operand.booleanValue();
                case IS_BOOLEAN -> value.isBoolean() == operand.booleanValue();
                case IS_TIMESTAMP -> (timestamp(value) != null) == operand.booleanValue();
                case BOOLEAN_EQUALS -> value.isBoolean() && operand.isBoolean()
                        && value.booleanValue() == operand.booleanValue();
                case STRING_MATCHES -> value.isTextual() && matches(value.textValue(), operand);
                default -> compare(value, operand);
            };
        }

        private boolean matches(String text, JsonNode operand) {
            Pattern p = glob != null ? glob : globPattern(operand.textValue());
            return p.matcher(text).matches();
        }

        private boolean compare(JsonNode value, JsonNode operand) {
            int cmp;
            String family = operator.operandType();
            if (operator.name().startsWith("TIMESTAMP")) {
                Instant a = timestamp(value);
                Instant b = timestamp(operand);
                if (a == null || b == null) {
                    return false;
                }
                cmp = a.compareTo(b);
            } else if (family.equals("string")) {
                if (!value.isTextual() || !operand.isTextual()) {
                    return false;
                }
                cmp = value.textValue().compareTo(operand.textValue());
            } else {
                if (!value.isNumber() || !operand.isNumber()) {
                    return false;
                }
                cmp = decimal(value).compareTo(decimal(operand));
            }
            String name = operator.name();
            if (name.endsWith("LESS_THAN_EQUALS")) {
                return cmp <= 0;
            }
            if (name.endsWith("GREATER_THAN_EQUALS")) {
                return cmp >= 0;
            }
            if (name.endsWith("LESS_THAN")) {
                return cmp < 0;
            }
            if (name.endsWith("GREATER_THAN")) {
                return cmp > 0;
            }
            return cmp == 0;
        }

        private static BigDecimal decimal(JsonNode n) {
            return n.isBigDecimal() || n.isIntegralNumber() ? n.decimalValue() : BigDecimal.valueOf(n.doubleValue());
        }

        private static Instant timestamp(JsonNode n) {
            return n != null && n.isTextual() ? WaitState.parseTimestamp(n.textValue()) : null;
        }

        /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
        static Pattern globPattern(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '\\' && i + 1 < glob.length()) {
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                } else if (c == '*') {
                    regex.append(".*");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
