package avmon.local.sfn.asl;

import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.HistorySink;
import avmon.local.sfn.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A parsed, validated state machine; immutable and shared by all its executions. */
final class AslStateMachine implements StateMachineDefinition {

    private final StateGraph graph;
    private final Long timeoutSeconds;

    AslStateMachine(StateGraph graph, Long timeoutSeconds) {
        this.graph = graph;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public ExecutionOutcome run(JsonNode input, ExecutionContext context, HistorySink history)
            throws InterruptedException {
        Execution execution = new Execution(context, history, input, timeoutSeconds);
        ObjectNode started = JsonNodeFactory.instance.objectNode();
        started.put("input", input.toString());
        started.putObject("inputDetails").put("truncated", false);
        started.put("roleArn", context.roleArn());
        execution.event("ExecutionStarted", "executionStartedEventDetails", started);
        try {
            JsonNode output = graph.run(execution, input, new Variables(null), false);
            String text = output.toString();
            ObjectNode succeeded = JsonNodeFactory.instance.objectNode();
            succeeded.put("output", text);
            succeeded.putObject("outputDetails").put("truncated", false);
            execution.event("ExecutionSucceeded", "executionSucceededEventDetails", succeeded);
            return new ExecutionOutcome("SUCCEEDED", text, null, null, execution.transitions());
        } catch (ExecutionTimedOut e) {
            ObjectNode timedOut = JsonNodeFactory.instance.objectNode();
            timedOut.put("error", StateError.TIMEOUT);
            timedOut.put("cause", e.getMessage());
            execution.event("ExecutionTimedOut", "executionTimedOutEventDetails", timedOut);
            return new ExecutionOutcome("TIMED_OUT", null, StateError.TIMEOUT, e.getMessage(), execution.transitions());
        } catch (StateError e) {
            ObjectNode failed = JsonNodeFactory.instance.objectNode();
            String cause = e.cause() == null || e.cause().isEmpty() ? null : e.cause();
            if (e.error() != null) {
                failed.put("error", e.error());
            }
            if (cause != null) {
                failed.put("cause", cause);
            }
            execution.event("ExecutionFailed", "executionFailedEventDetails", failed);
            return new ExecutionOutcome("FAILED", null, e.error(), cause, execution.transitions());
        }
    }
}
