package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An {@code arn:aws:states:::service:action} resource: TaskScheduled, TaskStarted, then TaskSucceeded,
 * TaskFailed or TaskTimedOut events around the call.
 */
abstract class ServiceTaskResource extends TaskResource {

    private final String resourceType;
    private final String resource;

    ServiceTaskResource(String resourceType, String resource) {
        this.resourceType = resourceType;
        this.resource = resource;
    }

    /** Does the call; may write TaskSubmitted through {@link #submitted}. */
    abstract JsonNode call(StateRun run, JsonNode payload, Long timeoutSeconds) throws StateError, InterruptedException;

    @Override
    final JsonNode invoke(StateRun run, JsonNode payload, Long timeoutSeconds) throws StateError, InterruptedException {
        ObjectNode scheduled = details();
        scheduled.put("region", run.execution().region());
        scheduled.put("parameters", payload.toString());
        if (timeoutSeconds != null) {
            scheduled.put("timeoutInSeconds", timeoutSeconds);
        }
        run.execution().event("TaskScheduled", "taskScheduledEventDetails", scheduled);
        run.execution().event("TaskStarted", "taskStartedEventDetails", details());
        try {
            JsonNode result = call(run, payload, timeoutSeconds);
            ObjectNode succeeded = details();
            succeeded.put("output", checkedText(result, resourceType));
            succeeded.putObject("outputDetails").put("truncated", false);
            run.execution().event("TaskSucceeded", "taskSucceededEventDetails", succeeded);
            return result;
        } catch (StateError e) {
            ObjectNode failed = details();
            failed.put("error", e.error());
            failed.put("cause", e.cause());
            if (StateError.TIMEOUT.equals(e.error())) {
                run.execution().event("TaskTimedOut", "taskTimedOutEventDetails", failed);
            } else {
                run.execution().event("TaskFailed", "taskFailedEventDetails", failed);
            }
            throw e;
        }
    }

    /** Writes TaskSubmitted (the call was accepted; the task now runs until done). */
    void submitted(StateRun run, JsonNode output) {
        ObjectNode details = details();
        details.put("output", output.toString());
        details.putObject("outputDetails").put("truncated", false);
        run.execution().event("TaskSubmitted", "taskSubmittedEventDetails", details);
    }

    String resourceArn() {
        return "arn:aws:states:::" + resourceType + ":" + resource;
    }

    private ObjectNode details() {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("resourceType", resourceType);
        d.put("resource", resource);
        return d;
    }
}
