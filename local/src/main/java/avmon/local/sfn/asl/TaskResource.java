package avmon.local.sfn.asl;

import avmon.local.sfn.TaskFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Task state calls: a Lambda function, a service integration, or something the engine cannot run. */
abstract class TaskResource {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?");
    private static final Pattern SERVICE_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:::([a-zA-Z0-9-]+):([a-zA-Z0-9.:-]+)");
    private static final Pattern ACTIVITY_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:\\d{12}:activity:[A-Za-z0-9_.-]+");
    /** Services Step Functions integrates with; others are rejected like AWS rejects them at creation. */
    private static final Set<String> KNOWN_SERVICES = Set.of("lambda", "states", "sns", "sqs", "dynamodb", "ecs",
            "batch", "glue", "events", "apigateway", "athena", "codebuild", "eks", "emr", "emr-containers",
            "emr-serverless", "sagemaker", "bedrock", "http", "aws-sdk", "mediaconvert", "databrew", "glue-databrew");

    /**
     * Recognises a Resource ARN.
     *
     * @throws IllegalArgumentException when AWS would not accept it
     */
    static TaskResource parse(String arn) {
        if (FUNCTION_ARN.matcher(arn).matches()) {
            return new LambdaFunctionResource(arn);
        }
        Matcher m = SERVICE_ARN.matcher(arn);
        if (m.matches() && KNOWN_SERVICES.contains(m.group(1))) {
            String service = m.group(1);
            String action = m.group(2);
            if (service.equals("lambda") && (action.equals("invoke") || action.equals("invoke.waitForTaskToken"))) {
                return action.equals("invoke") ? new LambdaInvokeResource() : new UnsupportedResource(arn, service, action);
            }
            if (service.equals("states") && action.startsWith("startExecution")) {
                String pattern = action.substring("startExecution".length());
                if (pattern.isEmpty() || pattern.equals(".sync") || pattern.equals(".sync:2")) {
                    return new StartExecutionResource(action, !pattern.isEmpty(), pattern.equals(".sync:2"));
                }
            }
            return new UnsupportedResource(arn, service, action);
        }
        if (ACTIVITY_ARN.matcher(arn).matches()) {
            return new UnsupportedResource(arn, "activity", "");
        }
        throw new IllegalArgumentException("The resource provided " + arn + " is not recognized. The value is not a "
                + "valid resource ARN, or the resource is not available in this region.");
    }

    /**
     * Calls the resource, writing its Task or LambdaFunction events.
     *
     * @param timeoutSeconds the task's timeout, or {@code null}
     * @return the task's result
     */
    abstract JsonNode invoke(StateRun run, JsonNode payload, Long timeoutSeconds) throws StateError, InterruptedException;

    /**
     * Runs a Lambda function through the execution's invoker, measuring its time on the execution's clock:
     * a function that returns after its timeout has timed out, as AWS would have given up on it.
     */
    static JsonNode callFunction(StateRun run, String functionArn, JsonNode payload, Long timeoutSeconds)
            throws StateError {
        Instant start = run.execution().context().clock().now();
        Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        JsonNode result;
        try {
            result = run.execution().context().tasks().invoke(functionArn, payload, timeout);
        } catch (TaskFailure f) {
            throw StateError.of(f.error(), f.cause());
        }
        if (timeout != null && run.execution().context().clock().now().isAfter(start.plus(timeout))) {
            throw StateError.of(StateError.TIMEOUT, "");
        }
        return result;
    }

    /** Fails with States.DataLimitExceeded when a result is over 256 KiB. */
    static String checkedText(JsonNode result, String resource) throws StateError {
        String text = result.toString();
        if (text.length() > Execution.MAX_PAYLOAD_BYTES / 4
                && text.getBytes(StandardCharsets.UTF_8).length > Execution.MAX_PAYLOAD_BYTES) {
            throw StateError.of(StateError.DATA_LIMIT_EXCEEDED, "The state/task '" + resource
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        return text;
    }
}
