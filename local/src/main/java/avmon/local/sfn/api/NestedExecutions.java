package avmon.local.sfn.api;

import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.TaskFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code arn:aws:states:::states:startExecution} resource (and its {@code .sync} form) on a local
 * service: starts a child execution and answers in the shape of the Step Functions service integration
 * (PascalCase members, dates in epoch milliseconds).
 */
final class NestedExecutions implements ExecutionContext.ExecutionStarter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final StepFunctionsService service;

    NestedExecutions(StepFunctionsService service) {
        this.service = service;
    }

    @Override
    public ObjectNode start(String stateMachineArn, String name, JsonNode input, boolean sync) throws TaskFailure {
        ExecutionRecord child;
        try {
            child = service.start(stateMachineArn, name, input == null ? null : input.toString());
        } catch (StepFunctionsException e) {
            String code = e.code().name();
            throw new TaskFailure("StepFunctions." + (code.endsWith("Exception") ? code : code + "Exception"),
                    e.getMessage());
        }
        if (!sync) {
            ObjectNode response = JSON.objectNode();
            response.put("ExecutionArn", child.arn());
            response.put("StartDate", child.startDate().toEpochMilli());
            return response;
        }
        try {
            child.awaitEnd();
        } catch (InterruptedException e) {
            // AWS stops a .sync child with its parent.
            service.stop(child, null, "The parent execution was stopped.");
            Thread.currentThread().interrupt();
            throw new TaskFailure("States.Runtime", "Stopped while waiting for " + child.arn());
        }
        ExecutionDescription done = child.describe();
        ObjectNode description = describe(done);
        if (done.status() != ExecutionStatus.SUCCEEDED) {
            throw new TaskFailure("States.TaskFailed", description.toString());
        }
        return description;
    }

    /** DescribeExecution's answer as the service integration returns it. */
    static ObjectNode describe(ExecutionDescription execution) {
        ObjectNode node = JSON.objectNode();
        node.put("ExecutionArn", execution.executionArn());
        node.put("StateMachineArn", execution.stateMachineArn());
        node.put("Name", execution.name());
        node.put("Status", execution.status().name());
        node.put("StartDate", execution.startDate().toEpochMilli());
        if (execution.stopDate() != null) {
            node.put("StopDate", execution.stopDate().toEpochMilli());
        }
        node.put("Input", execution.input());
        node.set("InputDetails", JSON.objectNode().put("Included", true));
        if (execution.output() != null) {
            node.put("Output", execution.output());
            node.set("OutputDetails", JSON.objectNode().put("Included", true));
        }
        if (execution.error() != null) {
            node.put("Error", execution.error());
        }
        if (execution.cause() != null) {
            node.put("Cause", execution.cause());
        }
        node.put("RedriveCount", 0);
        return node;
    }
}
