package avmon.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.lambda.FunctionConfiguration;
import avmon.local.lambda.HandlerFactory;
import avmon.local.lambda.LambdaHost;
import avmon.local.s3.S3Server;
import avmon.local.s3.S3Storage;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

class LocalCloudTest {

    // No retries: the tests that expect a stopped server would otherwise wait out the SDK's backoff.
    private static S3Client s3(LocalCloud cloud) {
        return S3Client.builder().endpointOverride(cloud.s3Endpoint()).forcePathStyle(true)
                .serviceConfiguration(S3Server.clientConfiguration())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static SnsClient sns(LocalCloud cloud) {
        return SnsClient.builder().endpointOverride(cloud.snsEndpoint()).region(Region.of(cloud.region()))
                .credentialsProvider(cloud.credentials().provider()).httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void start_everything_servesS3SnsAndLambdaWithOneSetOfCredentials(@TempDir Path directory) throws Exception {
        Path defects = directory.resolve("defects.jsonl");
        try (LocalCloud cloud = LocalCloud.builder().s3Bucket("frames").snsFileLog("defects", defects).lambda()
                .start();
             S3Client s3 = s3(cloud);
             SnsClient sns = sns(cloud)) {
            s3.putObject(b -> b.bucket("frames").key("k"), RequestBody.fromString("v"));
            String topicArn = sns.createTopic(b -> b.name("defects")).topicArn();
            sns.publish(b -> b.topicArn(topicArn).message("found one"));
            cloud.lambda().register(FunctionConfiguration.builder("twice",
                    environment -> (RequestHandler<Integer, Integer>) (n, context) -> 2 * n).build());

            assertEquals("v", s3.getObjectAsBytes(b -> b.bucket("frames").key("k")).asUtf8String(),
                    "the pre-created bucket holds objects");
            assertEquals("us-east-1", cloud.region(), "region");
            assertEquals("000000000000", cloud.accountId(), "account");
            assertEquals("arn:aws:sns:us-east-1:000000000000:defects", topicArn, "the configured topic exists");
            List<String> lines = Files.readAllLines(defects);
            assertEquals(1, lines.size(), "the message went to the configured file");
            assertEquals("found one", new ObjectMapper().readTree(lines.get(0)).get("Message").asText(), "Message");
            assertEquals("42", cloud.lambda().invoke("twice", "21").payload(), "the Lambda host runs functions");
            assertFalse(cloud.s3Endpoint().equals(cloud.snsEndpoint()), "each service has its own port");
            assertEquals("127.0.0.1", cloud.s3Endpoint().getHost(), "S3 is on the loopback interface");
            assertEquals("127.0.0.1", cloud.snsEndpoint().getHost(), "SNS is on the loopback interface");
        }
    }

    @Test
    void serviceNotAskedFor_isRefusedWithClearError() {
        try (LocalCloud cloud = LocalCloud.builder().lambda().start()) {
            LocalCloudException error = assertThrows(LocalCloudException.class, cloud::s3Endpoint);

            assertTrue(error.getMessage().contains("S3 was not started"), "message: " + error.getMessage());
            assertThrows(LocalCloudException.class, cloud::snsEndpoint, "SNS was not asked for");
            assertThrows(LocalCloudException.class, cloud::stepFunctionsEndpoint, "nor Step Functions");
        }
    }

    @Test
    void stepFunctionsStarter_getsTheRunningLambdaHostAndIsClosedWithTheCloud() {
        AtomicReference<LambdaHost> seen = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        URI endpoint = URI.create("http://127.0.0.1:9");
        LocalCloud cloud = LocalCloud.builder().lambda().stepFunctions(started -> {
            seen.set(started.lambda());
            return new LocalService() {
                @Override
                public URI endpoint() {
                    return endpoint;
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
        }).start();

        assertSame(cloud.lambda(), seen.get(), "the starter can use the Lambda host as its TaskInvoker");
        assertEquals(endpoint, cloud.stepFunctionsEndpoint(), "the service's endpoint is handed out");
        cloud.close();
        assertTrue(closed.get(), "closing the cloud closes the service");
    }

    @Test
    void stepFunctionsStarterFails_closesWhatStartedAndNamesTheService() {
        AtomicReference<LocalCloud> partial = new AtomicReference<>();

        LocalCloudException error = assertThrows(LocalCloudException.class, () -> LocalCloud.builder()
                .s3(S3Storage.inMemory()).lambda().stepFunctions(cloud -> {
                    partial.set(cloud);
                    throw new IllegalStateException("no definition parser");
                }).start());

        assertTrue(error.getMessage().startsWith("Step Functions did not start"), "message: " + error.getMessage());
        try (S3Client s3 = s3(partial.get())) {
            assertThrows(SdkClientException.class, () -> s3.listBuckets(), "S3 was stopped again");
        }
        assertEquals("ServiceException", assertThrows(avmon.local.lambda.LambdaServiceException.class,
                () -> partial.get().lambda().invoke("x", "{}")).errorType(), "the Lambda host was closed");
    }

    @Test
    void close_stopsS3() {
        LocalCloud cloud = LocalCloud.builder().s3(S3Storage.inMemory()).start();
        S3Client s3 = s3(cloud);
        s3.createBucket(b -> b.bucket("bkt"));

        cloud.close();

        assertThrows(SdkClientException.class, () -> s3.listBuckets(), "nothing answers after close");
        s3.close();
    }

    @Test
    void snsFileLog_fileInMissingDirectory_failsToStart(@TempDir Path directory) {
        assertThrows(RuntimeException.class, () -> LocalCloud.builder()
                .snsFileLog("defects", directory.resolve("missing/defects.jsonl")).start(),
                "a log file that cannot be written is refused at start");
    }

    @Test
    void lambda_functionEnvironment_carriesTheCloudsCredentialsAsRoleKeys() {
        try (LocalCloud cloud = LocalCloud.builder().lambda().start()) {
            cloud.lambda().register(FunctionConfiguration.builder("keys", environment ->
                    (RequestHandler<Object, String>) (event, context) ->
                            environment.get("AWS_ACCESS_KEY_ID") + "/" + environment.get("AWS_SECRET_ACCESS_KEY"))
                    .build());

            assertEquals("\"" + LocalCredentials.DEFAULT.accessKeyId() + "/" + LocalCredentials.DEFAULT.secretAccessKey()
                    + "\"", cloud.lambda().invoke("keys", "{}").payload(), "the role's keys, where Lambda puts them");
        }
    }

    @Test
    void handlerFactoryByClassName_worksThroughTheCloud() {
        try (LocalCloud cloud = LocalCloud.builder().lambda(2).start()) {
            cloud.lambda().register(FunctionConfiguration.builder("upper",
                    HandlerFactory.of(Upper.class.getName())).build());

            assertEquals("\"ABC\"", cloud.lambda().invoke("upper", "\"abc\"").payload(), "a handler named by class");
        }
    }

    /** A handler loaded by class name. */
    public static final class Upper implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, com.amazonaws.services.lambda.runtime.Context context) {
            return input.toUpperCase();
        }
    }
}
