package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * States and where to start: the top level of a state machine, a Parallel branch or a Map item processor.
 * Runs one pass through the graph, writing each state's entered and exited events.
 */
final class StateGraph {

    private final String startAt;
    private final Map<String, State> states;

    StateGraph(String startAt, Map<String, State> states) {
        this.startAt = startAt;
        this.states = Map.copyOf(states);
    }

    Map<String, State> states() {
        return states;
    }

    /**
     * Runs from StartAt until a state ends the graph.
     *
     * @param nested true inside a Map iteration or Parallel branch (a failing Task is then aborted)
     * @return the last state's output
     * @throws StateError the error that ended the graph
     */
    JsonNode run(Execution execution, JsonNode input, Variables variables, boolean nested)
            throws StateError, InterruptedException {
        State state = states.get(startAt);
        JsonNode current = input;
        String currentText = input.toString();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("execution stopped");
            }
            execution.checkDeadline();
            Instant entered = execution.context().clock().now();
            ObjectNode enteredDetails = JsonNodeFactory.instance.objectNode();
            enteredDetails.put("name", state.name());
            enteredDetails.put("input", currentText);
            enteredDetails.putObject("inputDetails").put("truncated", false);
            long enteredId = execution.event(state.type() + "StateEntered", "stateEnteredEventDetails", enteredDetails);
            execution.countTransition();
            StateRun run = new StateRun(execution, state, current, variables, enteredId, entered);
            StateOutput out;
            String outputText;
            try {
                out = state.execute(run);
                // Serialising is most of a transition's cost: a state that hands its input on unchanged
                // (Choice, Wait, most Pass states) reuses the text it was entered with.
                outputText = out.output() == current ? currentText : out.output().toString();
                checkSize(state, outputText);
            } catch (StateError e) {
                StateError located = run.located(e);
                if (nested && state instanceof TaskState) {
                    execution.event("TaskStateAborted");
                }
                throw located;
            }
            if (state.writesExited()) {
                execution.event(state.type() + "StateExited", "stateExitedEventDetails",
                        exitedDetails(state.name(), outputText, out.assigned()));
            }
            if (out.next() == null) {
                return out.output();
            }
            state = states.get(out.next());
            current = out.output();
            currentText = outputText;
        }
    }

    private static void checkSize(State state, String text) throws StateError {
        if (text.length() > Execution.MAX_PAYLOAD_BYTES / 4
                && text.getBytes(StandardCharsets.UTF_8).length > Execution.MAX_PAYLOAD_BYTES) {
            throw StateError.of(StateError.DATA_LIMIT_EXCEEDED, "The state/task '" + state.name()
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }

    private static ObjectNode exitedDetails(String name, String output, Map<String, JsonNode> assigned) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("name", name);
        details.put("output", output);
        details.putObject("outputDetails").put("truncated", false);
        if (!assigned.isEmpty()) {
            ObjectNode vars = details.putObject("assignedVariables");
            assigned.forEach((k, v) -> vars.put(k, v.toString()));
            details.putObject("assignedVariablesDetails").put("truncated", false);
        }
        return details;
    }
}
