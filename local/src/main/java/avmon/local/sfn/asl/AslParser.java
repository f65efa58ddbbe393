package avmon.local.sfn.asl;

import avmon.local.sfn.DefinitionParser;
import avmon.local.sfn.InvalidDefinitionException;
import avmon.local.sfn.StateMachineDefinition;
import avmon.local.sfn.asl.intrinsic.IntrinsicCall;
import avmon.local.sfn.asl.jsonata.JsonataExpression;
import avmon.local.sfn.asl.jsonata.JsonataTemplate;
import avmon.local.sfn.asl.jsonpath.PayloadTemplate;
import avmon.local.sfn.asl.jsonpath.ResultPath;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates Amazon States Language, compiling every path, template and expression once. Rejects
 * what AWS rejects at CreateStateMachine, with a message in AWS's form that points at the field:
 * {@code Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ... at /States/A/Next'}.
 */
public final class AslParser implements DefinitionParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_FIELDS = Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds",
            "QueryLanguage");
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "ResultPath", "Parameters",
            "ResultSelector", "ItemsPath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath",
            "ErrorPath", "CausePath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath", "Iterator", "Result");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result", "Assign",
                    "Output"),
            "Task", Set.of("Next", "End", "Resource", "InputPath", "OutputPath", "ResultPath", "Parameters",
                    "ResultSelector", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
                    "HeartbeatSecondsPath", "Credentials", "Assign", "Arguments", "Output"),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Assign", "Output"),
            "Wait", Set.of("Next", "End", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "InputPath",
                    "OutputPath", "Assign", "Output"),
            "Succeed", Set.of("InputPath", "OutputPath", "Output"),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel", Set.of("Branches", "Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
                    "ResultSelector", "Retry", "Catch", "Assign", "Arguments", "Output"),
            "Map", Set.of("ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters", "ItemReader",
                    "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
                    "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
                    "Label", "Next", "End", "InputPath", "OutputPath", "ResultPath", "ResultSelector", "Retry",
                    "Catch", "Assign", "Output", "Arguments"));

    /** A definition problem at a JSON pointer-like location. */
    private static final class Invalid extends RuntimeException {
        Invalid(String code, String message, String at) {
            super(code + ": " + message + " at " + (at.isEmpty() ? "/" : at), null, false, false);
        }
    }

    @Override
    public StateMachineDefinition parse(String definitionJson) throws InvalidDefinitionException {
        JsonNode root;
        try {
            root = JSON.readTree(definitionJson);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
                    + e.getOriginalMessage() + "'");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDefinitionException(
                    "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /'");
        }
        try {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!TOP_FIELDS.contains(f)) {
                    throw schema("Field '" + f + "' is not supported", "/" + f);
                }
            }
            QueryLanguage language = QueryLanguage.JSONPATH;
            if (root.has("QueryLanguage")) {
                language = queryLanguage(root.get("QueryLanguage"), "/QueryLanguage");
            }
            StateGraph graph = graph(root, "", language);
            Long timeout = null;
            if (root.has("TimeoutSeconds")) {
                timeout = positiveInteger(root.get("TimeoutSeconds"), "/TimeoutSeconds");
            }
            return new AslStateMachine(graph, timeout);
        } catch (Invalid e) {
            throw new InvalidDefinitionException("Invalid State Machine Definition: '" + e.getMessage() + "'");
        }
    }

    private StateGraph graph(JsonNode node, String at, QueryLanguage language) {
        JsonNode startAt = node.get("StartAt");
        if (startAt == null) {
            throw schema("The field 'StartAt' is required", at);
        }
        if (!startAt.isTextual()) {
            throw schema("The value for the field 'StartAt' must be a STRING", at + "/StartAt");
        }
        JsonNode statesNode = node.get("States");
        if (statesNode == null) {
            throw schema("The field 'States' is required", at);
        }
        if (!statesNode.isObject() || statesNode.isEmpty()) {
            throw schema("The field 'States' must be a non-empty OBJECT", at + "/States");
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.isEmpty() || name.length() > 80) {
                throw schema("State names must be 1 to 80 characters long", at + "/States/" + name);
            }
            states.put(name, state(name, e.getValue(), at + "/States/" + name, language));
        }
        if (!states.containsKey(startAt.textValue())) {
            throw new Invalid("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt.textValue(),
                    at + "/StartAt");
        }
        checkTransitions(states, statesNode, at);
        checkReachable(startAt.textValue(), states, statesNode, at);
        return new StateGraph(startAt.textValue(), states);
    }

    private static void checkTransitions(Map<String, State> states, JsonNode statesNode, String at) {
        for (Map.Entry<String, State> e : states.entrySet()) {
            for (Map.Entry<String, String> target : targets(statesNode.get(e.getKey())).entrySet()) {
                if (!states.containsKey(target.getValue())) {
                    throw new Invalid("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target.getValue(),
                            at + "/States/" + e.getKey() + target.getKey());
                }
            }
        }
    }

    private static void checkReachable(String start, Map<String, State> states, JsonNode statesNode, String at) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name)) {
                todo.addAll(targets(statesNode.get(name)).values());
            }
        }
        for (String name : states.keySet()) {
            if (!seen.contains(name)) {
                throw new Invalid("UNREACHABLE_STATE", "State \"" + name + "\" is not reachable.", at + "/States/" + name);
            }
        }
    }

    /** The transitions out of a state, keyed by where they are written. */
    private static Map<String, String> targets(JsonNode state) {
        Map<String, String> out = new LinkedHashMap<>();
        if (state.path("Next").isTextual()) {
            out.put("/Next", state.get("Next").textValue());
        }
        if (state.path("Default").isTextual()) {
            out.put("/Default", state.get("Default").textValue());
        }
        JsonNode choices = state.path("Choices");
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).path("Next").isTextual()) {
                out.put("/Choices[" + i + "]/Next", choices.get(i).get("Next").textValue());
            }
        }
        JsonNode catches = state.path("Catch");
        for (int i = 0; i < catches.size(); i++) {
            if (catches.get(i).path("Next").isTextual()) {
                out.put("/Catch[" + i + "]/Next", catches.get(i).get("Next").textValue());
            }
        }
        return out;
    }

    private State state(String name, JsonNode node, String at, QueryLanguage inherited) {
        if (!node.isObject()) {
            throw schema("A state must be an OBJECT", at);
        }
        JsonNode typeNode = node.get("Type");
        if (typeNode == null) {
            throw schema("The field 'Type' is required", at);
        }
        String type = typeNode.asText();
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw schema("The field 'Type' must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map, but was '"
                    + type + "'", at + "/Type");
        }
        QueryLanguage language = node.has("QueryLanguage")
                ? queryLanguage(node.get("QueryLanguage"), at + "/QueryLanguage") : inherited;
        if (inherited == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
            throw schema("A state cannot use JSONPath when the state machine's QueryLanguage is JSONata", at + "/QueryLanguage");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!COMMON.contains(f) && !allowed.contains(f)) {
                throw schema("Field '" + f + "' is not supported for a state of type " + type, at + "/" + f);
            }
            if (language == QueryLanguage.JSONATA && JSONPATH_ONLY.contains(f)) {
                throw schema("The field '" + f + "' is not supported when the QueryLanguage is JSONata", at + "/" + f);
            }
            if (language == QueryLanguage.JSONPATH && JSONATA_ONLY.contains(f)) {
                throw schema("The field '" + f + "' is supported only when the QueryLanguage is JSONata", at + "/" + f);
            }
        }
        String next = transition(node, type, at);
        State.Common common = new State.Common(name, type, language, flow(node, at, language), next);
        return switch (type) {
            case "Pass" -> new PassState(common, node.get("Result"));
            case "Succeed" -> new SucceedState(common);
            case "Fail" -> new FailState(common, failText(node, "Error", at, language), failText(node, "Cause", at, language));
            case "Wait" -> new WaitState(common, waitDuration(node, at, language));
            case "Choice" -> choice(common, node, at, language);
            case "Task" -> new TaskState(common, resource(node, at), timeout(node, at, language),
                    errorHandling(node, at, language));
            case "Parallel" -> new ParallelState(common, branches(node, at, language), errorHandling(node, at, language));
            case "Map" -> map(common, node, at, language);
            default -> throw new IllegalStateException(type);
        };
    }

    private static String transition(JsonNode node, String type, String at) {
        boolean terminalType = type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        if (terminalType) {
            return null;
        }
        if (next != null && end != null) {
            throw schema("A state cannot have both 'Next' and 'End'", at);
        }
        if (next == null && (end == null || !end.asBoolean(false))) {
            throw schema("A state of type " + type + " must have either 'Next' or 'End': true", at);
        }
        if (next != null && !next.isTextual()) {
            throw schema("The value for the field 'Next' must be a STRING", at + "/Next");
        }
        return next == null ? null : next.textValue();
    }

    private DataFlow flow(JsonNode node, String at, QueryLanguage language) {
        if (language == QueryLanguage.JSONATA) {
            return new JsonataFlow(jsonata(node, "Arguments", at), jsonata(node, "Output", at), assignJsonata(node.get("Assign"), at + "/Assign"));
        }
        boolean parametersAllowed = !node.path("Type").asText().equals("Map");
        return new JsonPathFlow(
                isNull(node, "InputPath"), query(node, "InputPath", at),
                parametersAllowed ? template(node, "Parameters", at) : null,
                template(node, "ResultSelector", at),
                isNull(node, "ResultPath"), resultPath(node.get("ResultPath"), at + "/ResultPath"),
                isNull(node, "OutputPath"), query(node, "OutputPath", at),
                assignJsonPath(node.get("Assign"), at + "/Assign"));
    }

    private static boolean isNull(JsonNode node, String field) {
        return node.has(field) && node.get(field).isNull();
    }

    private static ValuePath query(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return valuePath(v, field, at);
    }

    private static ValuePath valuePath(JsonNode v, String field, String at) {
        if (!v.isTextual()) {
            throw schema("The value for the field '" + field + "' must be a STRING", at + "/" + field);
        }
        try {
            return ValuePath.compile(v.textValue());
        } catch (IllegalArgumentException e) {
            throw schema("The value for the field '" + field + "' must be a valid JSONPath", at + "/" + field);
        }
    }

    private static ResultPath resultPath(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw schema("The value for the field 'ResultPath' must be a STRING", at);
        }
        try {
            ResultPath p = ResultPath.compile(v.textValue());
            return v.textValue().equals("$") ? null : p;
        } catch (IllegalArgumentException e) {
            throw schema("The value for the field 'ResultPath' must be a valid ReferencePath", at);
        }
    }

    private static PayloadTemplate template(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw schema("The value for the field '" + field + "' must be an OBJECT", at + "/" + field);
        }
        try {
            return PayloadTemplate.compile(v);
        } catch (IllegalArgumentException e) {
            throw schema(e.getMessage(), at + "/" + field);
        }
    }

    private static PayloadTemplate assignJsonPath(JsonNode v, String at) {
        if (v == null) {
            return null;
        }
        checkAssign(v, at);
        try {
            return PayloadTemplate.compile(v);
        } catch (IllegalArgumentException e) {
            throw schema(e.getMessage(), at);
        }
    }

    private static JsonataTemplate assignJsonata(JsonNode v, String at) {
        if (v == null) {
            return null;
        }
        checkAssign(v, at);
        try {
            return JsonataTemplate.compile(v, "Assign");
        } catch (IllegalArgumentException e) {
            throw schema(e.getMessage(), at);
        }
    }

    private static void checkAssign(JsonNode v, String at) {
        if (!v.isObject()) {
            throw schema("The value for the field 'Assign' must be an OBJECT", at);
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String bare = name.endsWith(".$") ? name.substring(0, name.length() - 2) : name;
            if (bare.isEmpty() || bare.equals("states") || !bare.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw schema("The variable name '" + bare + "' is not valid", at + "/" + name);
            }
        }
    }

    private static JsonataTemplate jsonata(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        try {
            return JsonataTemplate.compile(v, field);
        } catch (IllegalArgumentException e) {
            throw schema(e.getMessage(), at + "/" + field);
        }
    }

    private static JsonataExpression expression(JsonNode v, String field, String at) {
        if (v.isTextual() && JsonataExpression.isExpression(v.textValue())) {
            try {
                return JsonataExpression.compile(v.textValue(), field);
            } catch (IllegalArgumentException e) {
                throw schema(e.getMessage(), at + "/" + field);
            }
        }
        return null;
    }

    private static QueryLanguage queryLanguage(JsonNode v, String at) {
        try {
            return QueryLanguage.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw schema(e.getMessage(), at);
        }
    }

    private static FailState.Text failText(JsonNode node, String field, String at, QueryLanguage language) {
        JsonNode constant = node.get(field);
        JsonNode path = node.get(field + "Path");
        if (constant != null && path != null) {
            throw schema("A Fail state cannot have both '" + field + "' and '" + field + "Path'", at);
        }
        if (constant != null) {
            if (!constant.isTextual()) {
                throw schema("The value for the field '" + field + "' must be a STRING", at + "/" + field);
            }
            if (language == QueryLanguage.JSONATA) {
                JsonataExpression e = expression(constant, field, at);
                if (e != null) {
                    return new FailState.Text(null, field, null, null, e);
                }
            }
            return new FailState.Text(constant.textValue(), field, null, null, null);
        }
        if (path != null) {
            if (!path.isTextual()) {
                throw schema("The value for the field '" + field + "Path' must be a STRING", at + "/" + field + "Path");
            }
            String text = path.textValue();
            try {
                if (IntrinsicCall.looksLikeCall(text)) {
                    return new FailState.Text(null, field + "Path", null, IntrinsicCall.parse(text), null);
                }
                return new FailState.Text(null, field + "Path", ValuePath.compile(text), null, null);
            } catch (IllegalArgumentException e) {
                throw schema("The value for the field '" + field + "Path' must be a valid JSONPath or intrinsic function",
                        at + "/" + field + "Path");
            }
        }
        return FailState.Text.NONE;
    }

    private static WaitState.Duration waitDuration(JsonNode node, String at, QueryLanguage language) {
        List<String> given = new ArrayList<>();
        for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            if (node.has(f)) {
                given.add(f);
            }
        }
        if (given.size() != 1) {
            throw schema("A Wait state must have exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath'", at);
        }
        String f = given.get(0);
        JsonNode v = node.get(f);
        String fieldAt = at + "/" + f;
        if (language == QueryLanguage.JSONATA) {
            JsonataExpression e = expression(v, f, at);
            if (e != null) {
                return f.equals("Seconds") ? new WaitState.Duration(null, null, null, null, e, null)
                        : new WaitState.Duration(null, null, null, null, null, e);
            }
        }
        return switch (f) {
            case "Seconds" -> {
                if (!v.isIntegralNumber() || v.longValue() < 0 || v.longValue() > 99_999_999) {
                    throw schema("The value for the field 'Seconds' must be an integer between 0 and 99999999", fieldAt);
                }
                yield new WaitState.Duration(v.longValue(), null, null, null, null, null);
            }
            case "Timestamp" -> {
                Instant t = v.isTextual() ? WaitState.parseTimestamp(v.textValue()) : null;
                if (t == null) {
                    throw schema("The value for the field 'Timestamp' must be a valid ISO-8601 timestamp", fieldAt);
                }
                yield new WaitState.Duration(null, null, t, null, null, null);
            }
            case "SecondsPath" -> new WaitState.Duration(null, valuePath(v, f, at), null, null, null, null);
            default -> new WaitState.Duration(null, null, null, valuePath(v, f, at), null, null);
        };
    }

    private ChoiceState choice(State.Common common, JsonNode node, String at, QueryLanguage language) {
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw schema("The field 'Choices' is required and must be a non-empty ARRAY", at + "/Choices");
        }
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            JsonNode rule = choices.get(i);
            String ruleAt = at + "/Choices[" + i + "]";
            JsonNode next = rule.get("Next");
            if (next == null || !next.isTextual()) {
                throw schema("A choice rule must have a 'Next' STRING", ruleAt);
            }
            ChoiceRule.Condition condition;
            if (language == QueryLanguage.JSONATA) {
                JsonNode c = rule.get("Condition");
                JsonataExpression e = c == null ? null : expression(c, "Condition", ruleAt);
                if (e != null) {
                    condition = new ChoiceRule.JsonataCondition(e);
                } else if (c != null && c.isBoolean()) {
                    boolean constant = c.booleanValue();
                    condition = (run, scope) -> constant;
                } else {
                    throw schema("A JSONata choice rule must have a 'Condition': a boolean or {% ... %}", ruleAt);
                }
                rules.add(new ChoiceRule(condition, next.textValue(), null,
                        assignJsonata(rule.get("Assign"), ruleAt + "/Assign"), jsonata(rule, "Output", ruleAt)));
            } else {
                condition = condition(rule, ruleAt, true);
                rules.add(new ChoiceRule(condition, next.textValue(),
                        assignJsonPath(rule.get("Assign"), ruleAt + "/Assign"), null, null));
            }
        }
        JsonNode def = node.get("Default");
        return new ChoiceState(common, rules, def == null ? null : def.asText());
    }

    private static ChoiceRule.Condition condition(JsonNode rule, String at, boolean top) {
        if (!rule.isObject()) {
            throw schema("A choice rule must be an OBJECT", at);
        }
        if (!top && rule.has("Next")) {
            throw schema("Nested choice rules cannot have 'Next'", at + "/Next");
        }
        for (String combinator : List.of("And", "Or")) {
            if (rule.has(combinator)) {
                JsonNode list = rule.get(combinator);
                if (!list.isArray() || list.isEmpty()) {
                    throw schema("The value for the field '" + combinator + "' must be a non-empty ARRAY", at + "/" + combinator);
                }
                List<ChoiceRule.Condition> parts = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    parts.add(condition(list.get(i), at + "/" + combinator + "[" + i + "]", false));
                }
                return combinator.equals("And") ? new ChoiceRule.And(parts) : new ChoiceRule.Or(parts);
            }
        }
        if (rule.has("Not")) {
            return new ChoiceRule.Not(condition(rule.get("Not"), at + "/Not", false));
        }
        JsonNode variable = rule.get("Variable");
        if (variable == null) {
            throw schema("A choice rule must have a 'Variable' or one of 'And', 'Or', 'Not'", at);
        }
        ValuePath variablePath = valuePath(variable, "Variable", at);
        for (ChoiceRule.Operator op : ChoiceRule.Operator.values()) {
            String name = op.aslName();
            if (rule.has(name)) {
                JsonNode literal = rule.get(name);
                boolean typeOk = switch (op.isTypeTest() ? "boolean" : op.operandType()) {
                    case "string" -> literal.isTextual();
                    case "number" -> literal.isNumber();
                    default -> literal.isBoolean();
                };
                if (!typeOk) {
                    throw schema("The value for the field '" + name + "' must be a " + (op.isTypeTest() ? "BOOLEAN"
                            : op.operandType().toUpperCase()), at + "/" + name);
                }
                if (op.name().startsWith("TIMESTAMP") && WaitState.parseTimestamp(literal.textValue()) == null) {
                    throw schema("The value for the field '" + name + "' must be a valid ISO-8601 timestamp", at + "/" + name);
                }
                return new ChoiceRule.Comparison(variablePath, op, literal, null,
                        op == ChoiceRule.Operator.STRING_MATCHES
                                ? ChoiceRule.Comparison.globPattern(literal.textValue()) : null);
            }
            if (!op.isTypeTest() && op != ChoiceRule.Operator.STRING_MATCHES && rule.has(name + "Path")) {
                return new ChoiceRule.Comparison(variablePath, op, null, valuePath(rule.get(name + "Path"), name + "Path", at),
                        null);
            }
        }
        throw schema("A choice rule must have a comparison operator", at);
    }

    private static TaskResource resource(JsonNode node, String at) {
        JsonNode r = node.get("Resource");
        if (r == null) {
            throw schema("The field 'Resource' is required", at);
        }
        if (!r.isTextual()) {
            throw schema("The value for the field 'Resource' must be a STRING", at + "/Resource");
        }
        try {
            return TaskResource.parse(r.textValue());
        } catch (IllegalArgumentException e) {
            throw schema(e.getMessage(), at + "/Resource");
        }
    }

    private static TaskState.Timeout timeout(JsonNode node, String at, QueryLanguage language) {
        JsonNode seconds = node.get("TimeoutSeconds");
        JsonNode path = node.get("TimeoutSecondsPath");
        if (seconds != null && path != null) {
            throw schema("A Task cannot have both 'TimeoutSeconds' and 'TimeoutSecondsPath'", at);
        }
        JsonNode heartbeat = node.get("HeartbeatSeconds");
        if (heartbeat != null && seconds != null && heartbeat.isIntegralNumber() && seconds.isIntegralNumber()
                && heartbeat.longValue() >= seconds.longValue()) {
            throw schema("HeartbeatSeconds must be smaller than TimeoutSeconds", at + "/HeartbeatSeconds");
        }
        if (heartbeat != null && !(language == QueryLanguage.JSONATA && expression(heartbeat, "HeartbeatSeconds", at) != null)) {
            positiveInteger(heartbeat, at + "/HeartbeatSeconds");
        }
        if (seconds != null) {
            if (language == QueryLanguage.JSONATA) {
                JsonataExpression e = expression(seconds, "TimeoutSeconds", at);
                if (e != null) {
                    return new TaskState.Timeout(null, null, e);
                }
            }
            return new TaskState.Timeout(positiveInteger(seconds, at + "/TimeoutSeconds"), null, null);
        }
        if (path != null) {
            return new TaskState.Timeout(null, valuePath(path, "TimeoutSecondsPath", at), null);
        }
        return TaskState.Timeout.NONE;
    }

    private static long positiveInteger(JsonNode v, String at) {
        if (!v.isIntegralNumber() || v.longValue() <= 0 || v.longValue() > 99_999_999) {
            throw schema("The value must be a positive integer (at most 99999999)", at);
        }
        return v.longValue();
    }

    private ErrorHandling errorHandling(JsonNode node, String at, QueryLanguage language) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = node.get("Retry");
        if (retry != null) {
            if (!retry.isArray()) {
                throw schema("The value for the field 'Retry' must be an ARRAY", at + "/Retry");
            }
            for (int i = 0; i < retry.size(); i++) {
                retriers.add(retrier(retry.get(i), at + "/Retry[" + i + "]", i == retry.size() - 1));
            }
        }
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catches = node.get("Catch");
        if (catches != null) {
            if (!catches.isArray()) {
                throw schema("The value for the field 'Catch' must be an ARRAY", at + "/Catch");
            }
            for (int i = 0; i < catches.size(); i++) {
                catchers.add(catcher(catches.get(i), at + "/Catch[" + i + "]", language, i == catches.size() - 1));
            }
        }
        return retriers.isEmpty() && catchers.isEmpty() ? ErrorHandling.NONE : new ErrorHandling(retriers, catchers);
    }

    private static ErrorMatcher matcher(JsonNode rule, String at, boolean last) {
        JsonNode equals = rule.get("ErrorEquals");
        if (equals == null || !equals.isArray() || equals.isEmpty()) {
            throw schema("The field 'ErrorEquals' is required and must be a non-empty ARRAY", at);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : equals) {
            if (!n.isTextual()) {
                throw schema("The values of 'ErrorEquals' must be STRINGs", at + "/ErrorEquals");
            }
            names.add(n.textValue());
        }
        if (names.contains("States.ALL") && (names.size() > 1 || !last)) {
            throw schema("States.ALL must appear alone in the last rule", at + "/ErrorEquals");
        }
        return new ErrorMatcher(List.copyOf(names));
    }

    private static Retrier retrier(JsonNode r, String at, boolean last) {
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                    "JitterStrategy", "Comment").contains(f)) {
                throw schema("Field '" + f + "' is not supported in a Retry rule", at + "/" + f);
            }
        }
        ErrorMatcher matcher = matcher(r, at, last);
        double interval = Retrier.DEFAULT_INTERVAL_SECONDS;
        if (r.has("IntervalSeconds")) {
            interval = positiveInteger(r.get("IntervalSeconds"), at + "/IntervalSeconds");
        }
        int maxAttempts = Retrier.DEFAULT_MAX_ATTEMPTS;
        if (r.has("MaxAttempts")) {
            JsonNode m = r.get("MaxAttempts");
            if (!m.isIntegralNumber() || m.intValue() < 0) {
                throw schema("The value for the field 'MaxAttempts' must be a non-negative integer", at + "/MaxAttempts");
            }
            maxAttempts = m.intValue();
        }
        double backoff = Retrier.DEFAULT_BACKOFF_RATE;
        if (r.has("BackoffRate")) {
            JsonNode b = r.get("BackoffRate");
            if (!b.isNumber() || b.doubleValue() < 1.0) {
                throw schema("The value for the field 'BackoffRate' must be a number of at least 1.0", at + "/BackoffRate");
            }
            backoff = b.doubleValue();
        }
        double maxDelay = 0;
        if (r.has("MaxDelaySeconds")) {
            maxDelay = positiveInteger(r.get("MaxDelaySeconds"), at + "/MaxDelaySeconds");
        }
        boolean fullJitter = false;
        if (r.has("JitterStrategy")) {
            String j = r.get("JitterStrategy").asText();
            if (!j.equals("FULL") && !j.equals("NONE")) {
                throw schema("The value for the field 'JitterStrategy' must be FULL or NONE", at + "/JitterStrategy");
            }
            fullJitter = j.equals("FULL");
        }
        return new Retrier(matcher, interval, maxAttempts, backoff, maxDelay, fullJitter);
    }

    private static Catcher catcher(JsonNode c, String at, QueryLanguage language, boolean last) {
        Set<String> allowed = language == QueryLanguage.JSONATA
                ? Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment")
                : Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment");
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw schema("Field '" + f + "' is not supported in a Catch rule", at + "/" + f);
            }
        }
        ErrorMatcher matcher = matcher(c, at, last);
        JsonNode next = c.get("Next");
        if (next == null || !next.isTextual()) {
            throw schema("The field 'Next' is required in a Catch rule", at);
        }
        if (language == QueryLanguage.JSONATA) {
            return new Catcher(matcher, next.textValue(), language, false, null, null, jsonata(c, "Output", at),
                    assignJsonata(c.get("Assign"), at + "/Assign"));
        }
        return new Catcher(matcher, next.textValue(), language, isNull(c, "ResultPath"),
                resultPath(c.get("ResultPath"), at + "/ResultPath"), assignJsonPath(c.get("Assign"), at + "/Assign"),
                null, null);
    }

    private List<StateGraph> branches(JsonNode node, String at, QueryLanguage language) {
        JsonNode branches = node.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            throw schema("The field 'Branches' is required and must be a non-empty ARRAY", at + "/Branches");
        }
        List<StateGraph> graphs = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            graphs.add(graph(branches.get(i), at + "/Branches[" + i + "]", language));
        }
        return graphs;
    }

    private MapState map(State.Common common, JsonNode node, String at, QueryLanguage language) {
        JsonNode processorNode = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (processorNode == null) {
            throw schema("The field 'ItemProcessor' is required", at);
        }
        JsonNode config = processorNode.path("ProcessorConfig");
        String mode = config.path("Mode").asText("INLINE");
        if (!mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
            throw schema("ProcessorConfig.Mode must be INLINE or DISTRIBUTED", at + "/" + processorField + "/ProcessorConfig/Mode");
        }
        StateGraph processor = graph(processorNode, at + "/" + processorField, language);
        JsonataTemplate itemsTemplate = null;
        if (node.has("Items")) {
            JsonNode itemsNode = node.get("Items");
            if (!itemsNode.isArray() && expression(itemsNode, "Items", at) == null) {
                throw schema("The value for the field 'Items' must be an ARRAY or a JSONata expression", at + "/Items");
            }
            itemsTemplate = jsonata(node, "Items", at);
        }
        ValuePath itemsPath = node.has("ItemsPath") ? valuePath(node.get("ItemsPath"), "ItemsPath", at) : null;
        PayloadTemplate jsonPathSelector = null;
        JsonataTemplate jsonataSelector = null;
        String selectorField = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
        if (node.has(selectorField)) {
            if (language == QueryLanguage.JSONATA) {
                jsonataSelector = jsonata(node, selectorField, at);
            } else {
                jsonPathSelector = template(node, selectorField, at);
            }
        }
        MapState.Items items = new MapState.Items(itemsPath, itemsTemplate, jsonPathSelector,
                jsonataSelector, node.has("ItemReader"));
        boolean distributed = mode.equals("DISTRIBUTED");
        for (String f : List.of("ItemBatcher", "ResultWriter", "ItemReader")) {
            if (!distributed && node.has(f)) {
                throw schema("The field '" + f + "' is supported only by a Map state in DISTRIBUTED mode", at + "/" + f);
            }
        }
        return new MapState(common, items, processor, distributed,
                setting(node, "MaxConcurrency", at, language),
                setting(node, "ToleratedFailureCount", at, language),
                setting(node, "ToleratedFailurePercentage", at, language),
                errorHandling(node, at, language),
                node.has("ItemBatcher") ? batcher(node.get("ItemBatcher"), at + "/ItemBatcher", language) : null,
                node.has("ResultWriter"));
    }

    private static MapState.Batcher batcher(JsonNode node, String at, QueryLanguage language) {
        if (!node.isObject()) {
            throw schema("The value for the field 'ItemBatcher' must be an OBJECT", at);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath",
                    "BatchInput").contains(f)) {
                throw schema("Field '" + f + "' is not supported in an ItemBatcher", at + "/" + f);
            }
        }
        MapState.Setting maxItems = setting(node, "MaxItemsPerBatch", at, language);
        MapState.Setting maxBytes = setting(node, "MaxInputBytesPerBatch", at, language);
        if (maxItems == null && maxBytes == null) {
            throw schema("An ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch", at);
        }
        PayloadTemplate jsonPathInput = null;
        JsonataTemplate jsonataInput = null;
        if (node.has("BatchInput")) {
            if (language == QueryLanguage.JSONATA) {
                jsonataInput = jsonata(node, "BatchInput", at);
            } else {
                jsonPathInput = template(node, "BatchInput", at);
            }
        }
        return new MapState.Batcher(maxItems, maxBytes, jsonPathInput, jsonataInput);
    }

    private static MapState.Setting setting(JsonNode node, String name, String at, QueryLanguage language) {
        if (node.has(name + "Path")) {
            return new MapState.Setting(name, null, valuePath(node.get(name + "Path"), name + "Path", at), null);
        }
        JsonNode v = node.get(name);
        if (v == null) {
            return null;
        }
        if (language == QueryLanguage.JSONATA) {
            JsonataExpression e = expression(v, name, at);
            if (e != null) {
                return new MapState.Setting(name, null, null, e);
            }
        }
        if (!v.isNumber() || v.doubleValue() < 0) {
            throw schema("The value for the field '" + name + "' must be a non-negative number", at + "/" + name);
        }
        return new MapState.Setting(name, v, null, null);
    }

    private static Invalid schema(String message, String at) {
        return new Invalid("SCHEMA_VALIDATION_FAILED", message, at);
    }
}
