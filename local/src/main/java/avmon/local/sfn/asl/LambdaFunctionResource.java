package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A plain function ARN as Resource: LambdaFunctionScheduled/Started/Succeeded|Failed|TimedOut events. */
final class LambdaFunctionResource extends TaskResource {

    private final String functionArn;

    LambdaFunctionResource(String functionArn) {
        this.functionArn = functionArn;
    }

    @Override
    JsonNode invoke(StateRun run, JsonNode payload, Long timeoutSeconds) throws StateError {
        ObjectNode scheduled = JsonNodeFactory.instance.objectNode();
        scheduled.put("resource", functionArn);
        scheduled.put("input", payload.toString());
        scheduled.putObject("inputDetails").put("truncated", false);
        if (timeoutSeconds != null) {
            scheduled.put("timeoutInSeconds", timeoutSeconds);
        }
        run.execution().event("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", scheduled);
        run.execution().event("LambdaFunctionStarted");
        try {
            JsonNode result = callFunction(run, functionArn, payload, timeoutSeconds);
            String text = checkedText(result, functionArn);
            ObjectNode succeeded = JsonNodeFactory.instance.objectNode();
            succeeded.put("output", text);
            succeeded.putObject("outputDetails").put("truncated", false);
            run.execution().event("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", succeeded);
            return result;
        } catch (StateError e) {
            ObjectNode failed = JsonNodeFactory.instance.objectNode();
            failed.put("error", e.error());
            failed.put("cause", e.cause());
            if (StateError.TIMEOUT.equals(e.error())) {
                run.execution().event("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails", failed);
            } else {
                run.execution().event("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails", failed);
            }
            throw e;
        }
    }
}
