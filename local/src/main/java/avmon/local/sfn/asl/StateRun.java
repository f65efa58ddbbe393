package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonpath.PathScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One entry into one state: its input, its variables scope, when it was entered and how often retried. */
final class StateRun {

    private final Execution execution;
    private final State state;
    private final JsonNode input;
    private final Variables variables;
    private final long enteredEventId;
    private final Instant enteredTime;
    private int retryCount;
    private ObjectNode context;

    StateRun(Execution execution, State state, JsonNode input, Variables variables, long enteredEventId,
             Instant enteredTime) {
        this.execution = execution;
        this.state = state;
        this.input = input;
        this.variables = variables;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
    }

    Execution execution() {
        return execution;
    }

    State state() {
        return state;
    }

    JsonNode input() {
        return input;
    }

    Variables variables() {
        return variables;
    }

    long enteredEventId() {
        return enteredEventId;
    }

    /** Counts a retry: a billed transition, and {@code $$.State.RetryCount} goes up. */
    void retried() {
        retryCount++;
        context = null;
        execution.countTransition();
    }

    /** The context object ({@code $$}), built on first use. */
    ObjectNode context() {
        if (context == null) {
            context = execution.contextObject(state.name(), enteredTime, state.retries() ? retryCount : null);
        }
        return context;
    }

    /** The context object with {@code Map.Item} set, for a Map state's ItemSelector. */
    ObjectNode contextWithItem(int index, JsonNode value) {
        ObjectNode ctx = context().deepCopy();
        ObjectNode item = ctx.putObject("Map").putObject("Item");
        item.put("Index", index);
        item.set("Value", value);
        return ctx;
    }

    /** A JSONPath scope in which {@code $} is {@code document}. */
    PathScope scopeOn(JsonNode document) {
        return scopeOn(document, null);
    }

    /** A JSONPath scope in which {@code $} is {@code document} and {@code $$} is {@code ctx} (or the default). */
    PathScope scopeOn(JsonNode document, ObjectNode ctx) {
        return new PathScope() {
            @Override
            public JsonNode input() {
                return document;
            }

            @Override
            public JsonNode context() {
                return ctx != null ? ctx : StateRun.this.context();
            }

            @Override
            public JsonNode variable(String name) {
                return variables.get(name);
            }
        };
    }

    /** The {@code $states} of a JSONata expression. */
    ObjectNode states(JsonNode result, JsonNode errorOutput) {
        return states(context(), result, errorOutput);
    }

    ObjectNode states(ObjectNode ctx, JsonNode result, JsonNode errorOutput) {
        ObjectNode states = JsonNodeFactory.instance.objectNode();
        states.set("input", input);
        states.set("context", ctx);
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        return states;
    }

    /** Locates a data-processing error at this state and writes EvaluationFailed for JSONata errors, once. */
    StateError located(StateError error) {
        StateError located = error.locatedAt(state.name(), enteredEventId);
        if (located != error && StateError.QUERY_EVALUATION.equals(located.error())) {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("error", located.error());
            details.put("cause", located.cause());
            details.put("state", state.name());
            execution.event("EvaluationFailed", "evaluationFailedEventDetails", details);
        }
        return located;
    }
}
