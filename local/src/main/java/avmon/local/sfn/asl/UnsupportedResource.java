package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resource AWS accepts but this engine cannot run (other service integrations, activities, callbacks): the
 * task fails with States.TaskFailed and a cause that says so, instead of pretending to succeed.
 */
final class UnsupportedResource extends ServiceTaskResource {

    private final String arn;

    UnsupportedResource(String arn, String service, String action) {
        super(service, action);
        this.arn = arn;
    }

    @Override
    JsonNode call(StateRun run, JsonNode payload, Long timeoutSeconds) throws StateError {
        throw StateError.of(StateError.TASK_FAILED, "The local Step Functions engine cannot run the resource " + arn);
    }
}
