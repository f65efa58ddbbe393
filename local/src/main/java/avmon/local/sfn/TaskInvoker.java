package avmon.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Runs a Lambda function for a Task state. The local Lambda host implements it; tests and the conformance
 * runner use small in-process functions.
 */
public interface TaskInvoker {

    /**
     * Invokes a function synchronously.
     *
     * @param functionArn the function's ARN (or name), as written in the definition or in the
     *                    {@code FunctionName} parameter
     * @param payload     the event
     * @param timeout     how long the caller waits before giving up, or {@code null} for no limit
     * @return the function's result as JSON
     * @throws TaskFailure when the function fails (error name and cause as AWS reports them)
     */
    JsonNode invoke(String functionArn, JsonNode payload, Duration timeout) throws TaskFailure;

    /** An invoker that knows no function: every call fails as AWS fails a missing function. */
    TaskInvoker NONE = (arn, payload, timeout) -> {
        throw new TaskFailure("Lambda.ResourceNotFoundException",
                "Function not found: " + arn + " (Service: Lambda, Status Code: 404)");
    };
}
