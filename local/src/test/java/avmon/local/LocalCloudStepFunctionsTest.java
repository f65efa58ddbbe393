package avmon.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.lambda.FunctionConfiguration;
import avmon.local.sfn.api.LocalStepFunctions;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The Lambda host as the Step Functions engine's task invoker, wired through {@link LocalCloud}'s hook:
 * function results, Java exceptions and Lambda's service errors reach the state machine as on AWS.
 */
class LocalCloudStepFunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalCloud cloud;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().lambda().stepFunctions(LocalStepFunctions.starter()).start();
        cloud.lambda().register(FunctionConfiguration.builder("double", environment ->
                (RequestHandler<Map<String, Integer>, Map<String, Integer>>) (event, context) ->
                        Map.of("n", 2 * event.get("n"))).build());
        cloud.lambda().register(FunctionConfiguration.builder("corrupt", environment ->
                (RequestHandler<Map<String, Object>, String>) (event, context) -> {
                    throw new IllegalStateException("segment " + event.get("segment") + " is corrupt");
                }).build());
        cloud.lambda().register(FunctionConfiguration.builder("disabled", environment ->
                (RequestHandler<Object, Object>) (event, context) -> event).reservedConcurrency(0).build());
        sfn = SfnClient.builder().endpointOverride(cloud.stepFunctionsEndpoint()).region(Region.of(cloud.region()))
                .credentialsProvider(cloud.credentials().provider()).httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        cloud.close();
    }

    private DescribeExecutionResponse run(String definition, String input) throws InterruptedException {
        String machine = sfn.createStateMachine(b -> b.name("m" + System.nanoTime()).definition(definition)
                .roleArn("arn:aws:iam::000000000000:role/local")).stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn(execution));
        while (described.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
            described = sfn.describeExecution(b -> b.executionArn(execution));
        }
        return described;
    }

    /** One Task state calling {@code function}; with a catcher, a Pass state named Caught to land on. */
    private static String task(String function, String catcher) {
        String caught = catcher.isEmpty() ? "" : ",\"Caught\":{\"Type\":\"Pass\",\"End\":true}";
        return "{\"StartAt\":\"Call\",\"States\":{\"Call\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:lambda:us-east-1:000000000000:function:" + function + "\"" + catcher + ",\"End\":true}"
                + caught + "}}";
    }

    @Test
    void taskState_lambdaArn_returnsTheFunctionsResult() throws Exception {
        DescribeExecutionResponse execution = run(task("double", ""), "{\"n\":21}");

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), "status: " + execution.cause());
        assertEquals(42, JSON.readTree(execution.output()).get("n").asInt(), "the function's result");
        assertEquals(1, cloud.lambda().metrics("double").invocations(), "one Lambda invocation");
    }

    @Test
    void taskState_javaException_isCaughtByItsClassName() throws Exception {
        String catcher = ",\"Catch\":[{\"ErrorEquals\":[\"java.lang.IllegalStateException\"],"
                + "\"ResultPath\":\"$.error\",\"Next\":\"Caught\"}]";

        DescribeExecutionResponse execution = run(task("corrupt", catcher), "{\"segment\":4}");

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), "the Catch handled it: " + execution.cause());
        JsonNode error = JSON.readTree(execution.output()).get("error");
        assertEquals("java.lang.IllegalStateException", error.get("Error").asText(), "error name");
        assertEquals("segment 4 is corrupt", JSON.readTree(error.get("Cause").asText()).get("errorMessage").asText(),
                "the cause is Lambda's error document");
    }

    @Test
    void taskState_throttledFunction_failsWithLambdaTooManyRequests() throws Exception {
        DescribeExecutionResponse execution = run(task("disabled", ""), "{}");

        assertEquals(ExecutionStatus.FAILED, execution.status(), "status");
        assertEquals("Lambda.TooManyRequestsException", execution.error(), "error");
        assertTrue(execution.cause().contains("Rate Exceeded"), "cause: " + execution.cause());
    }
}
