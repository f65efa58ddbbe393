package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonata.JsonataTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSONata data flow: Arguments, Output and Assign, with {@code $states} bound. */
final class JsonataFlow extends DataFlow {

    private final JsonataTemplate arguments;
    private final JsonataTemplate output;
    private final JsonataTemplate assign;

    JsonataFlow(JsonataTemplate arguments, JsonataTemplate output, JsonataTemplate assign) {
        this.arguments = arguments;
        this.output = output;
        this.assign = assign;
    }

    @Override
    JsonNode selectInput(StateRun run) {
        return run.input();
    }

    @Override
    JsonNode payload(StateRun run, JsonNode selected) throws StateError {
        if (arguments == null) {
            return selected;
        }
        return arguments.evaluate(run.states(null, null), run.variables().visible());
    }

    @Override
    boolean hasPayload() {
        return arguments != null;
    }

    @Override
    StateOutput output(StateRun run, JsonNode result) throws StateError {
        return finish(run, output, assign, result, run.states(result, null));
    }

    /** Evaluates Output and Assign against the same {@code $states} and variables, then assigns. */
    static StateOutput finish(StateRun run, JsonataTemplate output, JsonataTemplate assign, JsonNode defaultOutput,
                              ObjectNode states) throws StateError {
        Map<String, JsonNode> visible = run.variables().visible();
        Map<String, JsonNode> assigned = Map.of();
        if (assign != null) {
            JsonNode values = assign.evaluate(states, visible);
            assigned = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = values.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                assigned.put(e.getKey(), e.getValue());
            }
        }
        JsonNode out = output == null ? defaultOutput : output.evaluate(states, visible);
        run.variables().assign(assigned);
        return new StateOutput(out, assigned, null);
    }
}
