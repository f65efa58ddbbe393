package avmon.test.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import avmon.aws.lambda.FunctionSettings;
import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.StreamExecutions;
import avmon.cli.serverless.StreamInput;
import avmon.cli.serverless.StreamOutcome;
import avmon.cli.serverless.StreamUpload;
import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import avmon.statemachine.StreamWorkflow;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The same flow as {@link ServerlessPipelineTest} on LocalStack: the three functions deployed from their
 * Lambda jars ({@code ./mvnw -Pdeploy package} builds them), the workflow created through SfnClient, and the
 * defects read from an SQS queue subscribed to the topic. Needs Docker; skipped without it.
 * {@code LOCALSTACK_AUTH_TOKEN} is passed to the container when set (recent images require one).
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackPipelineIT {

    /** Pinned: a LocalStack with Step Functions' JSONata support and the java21 Lambda runtime. */
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");
    private static final String ROLE = "arn:aws:iam::000000000000:role/avmon-function";
    /** How functions inside LocalStack's Lambda containers reach LocalStack itself. */
    private static final String INTERNAL_ENDPOINT = "http://localhost.localstack.cloud:4566";

    @Container
    static final LocalStackContainer LOCALSTACK = withAuthToken(new LocalStackContainer(IMAGE)
            .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.SNS,
                    LocalStackContainer.Service.SQS, LocalStackContainer.Service.LAMBDA,
                    LocalStackContainer.Service.STEPFUNCTIONS));

    @TempDir
    Path dir;

    @Test
    void run_generatedStreamWithDefects_subscriberReceivesThemOnLocalStack() throws Exception {
        Path converterJar = lambdaJar("converter-fn");
        Path detectorJar = lambdaJar("detector-fn");
        Path notifierJar = lambdaJar("notifier-fn");
        GeneratedStream stream = new StreamGenerator().generate(StreamSpec.of("ls-freeze", 5).withSize(320, 180)
                .withDuration(6).with(InjectedDefect.of(DefectType.FREEZE, 1.5, 3.0)), dir);
        URI endpoint = LOCALSTACK.getEndpoint();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Region region = Region.of(LOCALSTACK.getRegion());
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(region)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             SnsClient sns = SnsClient.builder().endpointOverride(endpoint).region(region)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(region)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             LambdaClient lambda = LambdaClient.builder().endpointOverride(endpoint).region(region)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             SfnClient sfn = SfnClient.builder().endpointOverride(endpoint).region(region)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.createBucket(b -> b.bucket(LocalPipeline.BUCKET));
            String topic = sns.createTopic(b -> b.name(LocalPipeline.TOPIC)).topicArn();
            String queueUrl = sqs.createQueue(b -> b.queueName("avmon-defects")).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                    .attributesAsStrings().get("QueueArn");
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));

            Map<String, String> env = Map.of(FunctionSettings.FRAMES_BUCKET, LocalPipeline.BUCKET,
                    FunctionSettings.S3_ENDPOINT, INTERNAL_ENDPOINT, FunctionSettings.SNS_ENDPOINT, INTERNAL_ENDPOINT,
                    FunctionSettings.TOPIC_ARN, topic);
            String converter = deploy(lambda, LocalPipeline.CONVERTER, "avmon.fn.converter.ConverterHandler",
                    converterJar, LocalPipeline.FunctionSize.CONVERTER_SIZE, env);
            String detector = deploy(lambda, LocalPipeline.DETECTOR, "avmon.fn.detector.DetectorHandler",
                    detectorJar, LocalPipeline.FunctionSize.DETECTOR_SIZE, env);
            String notifier = deploy(lambda, LocalPipeline.NOTIFIER, "avmon.fn.notifier.NotifierHandler",
                    notifierJar, LocalPipeline.FunctionSize.NOTIFIER_SIZE, env);
            String stateMachine = sfn.createStateMachine(b -> b.name(LocalPipeline.STATE_MACHINE).roleArn(ROLE)
                    .definition(StreamWorkflow.definition(Map.of(StreamWorkflow.CONVERTER, converter,
                            StreamWorkflow.DETECTOR, detector, StreamWorkflow.NOTIFIER, notifier,
                            StreamWorkflow.SEGMENTS_PER_EXECUTION, "2",
                            StreamWorkflow.DETECTORS, String.join(",", DetectorSettings.NAMES))))).stateMachineArn();

            String source = new StreamUpload(s3, LocalPipeline.BUCKET).upload("ls-freeze", stream.directory());
            StreamOutcome outcome = new StreamExecutions(sfn, stateMachine, Duration.ofSeconds(1), Duration.ofMinutes(10),
                    line -> { }).run(List.of(new StreamInput("ls-freeze", source, List.of("freeze"), null))).get(0);

            assertEquals("SUCCEEDED", outcome.status(), () -> outcome.error() + " " + outcome.cause());
            assertEquals(2, outcome.executionArns().size(), "three segments, two per execution: one successor");
            List<String> messages = new ArrayList<>();
            for (int polls = 0; polls < 10 && messages.isEmpty(); polls++) {
                sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2).maxNumberOfMessages(10))
                        .messages().forEach(m -> messages.add(m.body()));
            }
            DefectMatching.assertMatchesTruth(stream.truth(),
                    DefectMatching.defectsOf("ls-freeze", DefectMatching.notifications(messages)));
        }
    }

    private static String deploy(LambdaClient lambda, String name, String handler, Path jar,
                                 LocalPipeline.FunctionSize size, Map<String, String> env) throws Exception {
        SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(jar));
        String arn = lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).handler(handler)
                .role(ROLE).code(c -> c.zipFile(code)).memorySize(size.memoryMb())
                .timeout((int) size.timeout().toSeconds()).environment(e -> e.variables(env))).functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
        return arn;
    }

    /** The module's Lambda jar; the test is skipped (not failed) when it was not built with -Pdeploy. */
    private static Path lambdaJar(String module) throws Exception {
        Path target = Path.of("..", module, "target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                jar = files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).findFirst().orElse(null);
            }
        }
        assumeTrue(jar != null, module + "'s Lambda jar is not built: run ./mvnw -Pdeploy package first");
        return jar;
    }

    private static LocalStackContainer withAuthToken(LocalStackContainer container) {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null || token.isBlank() ? container : container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }
}
