package avmon.local.sfn.asl;

import avmon.local.sfn.TaskFailure;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code arn:aws:states:::states:startExecution} (and {@code .sync}, {@code .sync:2}): starts another execution
 * through the execution's starter; the sync forms wait for it and return its description.
 */
final class StartExecutionResource extends ServiceTaskResource {

    private final boolean sync;
    private final boolean jsonOutput;

    StartExecutionResource(String action, boolean sync, boolean jsonOutput) {
        super("states", action);
        this.sync = sync;
        this.jsonOutput = jsonOutput;
    }

    @Override
    JsonNode call(StateRun run, JsonNode parameters, Long timeoutSeconds) throws StateError {
        JsonNode arn = parameters.get("StateMachineArn");
        if (arn == null || !arn.isTextual()) {
            throw StateError.of("States.Runtime", "The field 'StateMachineArn' is required for resource "
                    + resourceArn() + " and must be a string");
        }
        JsonNode name = parameters.get("Name");
        JsonNode input = inputOf(parameters.get("Input"));
        ObjectNode response;
        try {
            response = run.execution().context().executions()
                    .start(arn.textValue(), name == null ? null : name.asText(), input, sync);
        } catch (TaskFailure f) {
            throw StateError.of(f.error(), f.cause());
        }
        if (!sync) {
            return response;
        }
        ObjectNode submittedOutput = JsonNodeFactory.instance.objectNode();
        submittedOutput.set("ExecutionArn", response.get("ExecutionArn"));
        submittedOutput.set("StartDate", response.get("StartDate"));
        submitted(run, submittedOutput);
        JsonNode status = response.get("Status");
        if (status != null && !"SUCCEEDED".equals(status.asText())) {
            throw StateError.of(StateError.TASK_FAILED, response.toString());
        }
        if (jsonOutput) {
            ObjectNode copy = response.deepCopy();
            copy.set("Input", parse(response.get("Input")));
            copy.set("Output", parse(response.get("Output")));
            return copy;
        }
        return response;
    }

    private static JsonNode inputOf(JsonNode input) {
        if (input == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        return input.isTextual() ? parse(input) : input;
    }

    private static JsonNode parse(JsonNode text) {
        if (text == null || !text.isTextual()) {
            return text;
        }
        try {
            return JSON.readTree(text.textValue());
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
