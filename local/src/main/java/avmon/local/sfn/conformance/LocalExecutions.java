package avmon.local.sfn.conformance;

import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.StateMachineDefinition;
import avmon.local.sfn.TaskFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A minimal in-memory starter for {@code states:startExecution}: state machines registered by ARN, child
 * executions run to their end on the caller's thread (the real service runs them on their own threads).
 */
public final class LocalExecutions implements ExecutionContext.ExecutionStarter {

    private final Map<String, StateMachineDefinition> machines = new ConcurrentHashMap<>();
    private final Function<String, ExecutionContext> contextForChild;

    /** @param contextForChild builds a child's context from its execution ARN */
    public LocalExecutions(Function<String, ExecutionContext> contextForChild) {
        this.contextForChild = contextForChild;
    }

    public LocalExecutions register(String stateMachineArn, StateMachineDefinition definition) {
        machines.put(stateMachineArn, definition);
        return this;
    }

    @Override
    public ObjectNode start(String stateMachineArn, String name, JsonNode input, boolean sync) throws TaskFailure {
        StateMachineDefinition definition = machines.get(stateMachineArn);
        if (definition == null) {
            throw new TaskFailure("StepFunctions.StateMachineDoesNotExistException",
                    "State Machine Does Not Exist: '" + stateMachineArn + "'");
        }
        String executionName = name != null ? name : UUID.randomUUID().toString();
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
        ExecutionContext context = contextForChild.apply(executionArn);
        Instant start = context.clock().now();
        ExecutionOutcome outcome;
        try {
            outcome = definition.run(input, context, new RecordedHistory(context.clock()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("States.TaskFailed", "the child execution was interrupted");
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ExecutionArn", executionArn);
        response.put("StartDate", start.toEpochMilli() / 1000.0);
        if (!sync) {
            return response;
        }
        response.put("StateMachineArn", stateMachineArn);
        response.put("Name", executionName);
        response.put("Status", outcome.status());
        response.put("StopDate", context.clock().now().toEpochMilli() / 1000.0);
        response.put("Input", input.toString());
        if (outcome.output() != null) {
            response.put("Output", outcome.output());
        }
        if (outcome.error() != null) {
            response.put("Error", outcome.error());
        }
        if (outcome.cause() != null) {
            response.put("Cause", outcome.cause());
        }
        return response;
    }
}
