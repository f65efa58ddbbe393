package avmon.local.sfn.api;

import avmon.local.sfn.DefinitionParser;
import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.HistorySink;
import avmon.local.sfn.InvalidDefinitionException;
import avmon.local.sfn.StateMachineDefinition;
import avmon.local.sfn.TaskFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;

/**
 * A stand-in interpreter for the service's unit tests, so they test the service and not the ASL engine:
 * Pass (with Result), Wait (Seconds), Task (Resource through the TaskInvoker, TimeoutSeconds), Succeed and
 * Fail, joined by Next/End, with no paths and no error handling. It writes AWS's history events.
 */
final class LinearTestParser implements DefinitionParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public StateMachineDefinition parse(String definitionJson) throws InvalidDefinitionException {
        JsonNode root;
        try {
            root = JSON.readTree(definitionJson);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
                    + e.getOriginalMessage() + "'");
        }
        if (root == null || !root.path("StartAt").isTextual() || !root.path("States").has(root.path("StartAt").asText())) {
            throw new InvalidDefinitionException(
                    "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: StartAt at /StartAt'");
        }
        return (input, context, history) -> run(root, input, context, history);
    }

    private static ExecutionOutcome run(JsonNode root, JsonNode input, ExecutionContext context, HistorySink history)
            throws InterruptedException {
        history.append("ExecutionStarted", "executionStartedEventDetails",
                JSON.createObjectNode().put("input", input.toString()).put("roleArn", context.roleArn()));
        String name = root.get("StartAt").asText();
        JsonNode data = input;
        long transitions = 0;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            JsonNode state = root.get("States").get(name);
            String type = state.get("Type").asText();
            transitions++;
            history.append(type + "StateEntered", "stateEnteredEventDetails",
                    JSON.createObjectNode().put("name", name).put("input", data.toString()));
            switch (type) {
                case "Fail" -> {
                    String error = state.path("Error").asText("States.Fail");
                    String cause = state.path("Cause").asText("");
                    history.append("ExecutionFailed", "executionFailedEventDetails",
                            JSON.createObjectNode().put("error", error).put("cause", cause));
                    return new ExecutionOutcome("FAILED", null, error, cause, transitions);
                }
                case "Pass" -> data = state.has("Result") ? state.get("Result") : data;
                case "Wait" -> context.clock().sleepUntil(context.clock().now()
                        .plusSeconds(state.get("Seconds").asLong()));
                case "Task" -> {
                    try {
                        Duration timeout = state.has("TimeoutSeconds")
                                ? Duration.ofSeconds(state.get("TimeoutSeconds").asLong()) : null;
                        data = context.tasks().invoke(state.get("Resource").asText(), data, timeout);
                    } catch (TaskFailure failure) {
                        history.append("ExecutionFailed", "executionFailedEventDetails",
                                JSON.createObjectNode().put("error", failure.error()).put("cause", failure.cause()));
                        return new ExecutionOutcome("FAILED", null, failure.error(), failure.cause(), transitions);
                    }
                }
                default -> { }
            }
            ObjectNode exited = JSON.createObjectNode().put("name", name).put("output", data.toString());
            history.append(type + "StateExited", "stateExitedEventDetails", exited);
            if (type.equals("Succeed") || state.path("End").asBoolean(false)) {
                history.append("ExecutionSucceeded", "executionSucceededEventDetails",
                        JSON.createObjectNode().put("output", data.toString()));
                return new ExecutionOutcome("SUCCEEDED", data.toString(), null, null, transitions);
            }
            name = state.get("Next").asText();
        }
    }
}
