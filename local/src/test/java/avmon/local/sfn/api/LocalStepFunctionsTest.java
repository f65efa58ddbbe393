package avmon.local.sfn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.local.LocalCloud;
import avmon.local.lambda.FunctionConfiguration;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

class LocalStepFunctionsTest {

    @Test
    void starter_taskCallingTheCloudsLambda_succeedsAndIsBilledThroughTheService() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().lambda().stepFunctions(LocalStepFunctions.starter()).start();
             SfnClient sfn = SfnClient.builder().endpointOverride(cloud.stepFunctionsEndpoint())
                     .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider())
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            cloud.lambda().register(FunctionConfiguration.builder("square", environment ->
                    (RequestHandler<Map<String, Integer>, Map<String, Integer>>) (event, context) ->
                            Map.of("n", event.get("n") * event.get("n"))).build());
            String machine = sfn.createStateMachine(r -> r.name("square").roleArn("arn:aws:iam::000000000000:role/r")
                    .definition("""
                            {"StartAt": "Square", "States": {"Square": {"Type": "Task",
                              "Resource": "arn:aws:lambda:us-east-1:000000000000:function:square", "End": true}}}""")
            ).stateMachineArn();
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"n\": 7}")).executionArn();

            StepFunctionsService service = ((LocalStepFunctions) cloud.stepFunctions()).service();
            ExecutionDescription done = service.awaitExecution(execution, Duration.ofSeconds(30));

            assertEquals(ExecutionStatus.SUCCEEDED, done.status(), () -> "status; cause: " + done.cause());
            assertEquals("{\"n\":49}", done.output(), "the function's result");
            assertEquals(1, service.billedTransitions(execution), "one Task state entered");
        }
    }
}
