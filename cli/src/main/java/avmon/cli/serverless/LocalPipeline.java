package avmon.cli.serverless;

import avmon.aws.lambda.FunctionSettings;
import avmon.aws.metering.RequestMeter;
import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.ModelDescription;
import avmon.core.detect.DetectorSettings;
import avmon.fn.converter.ConverterHandler;
import avmon.fn.detector.DetectorHandler;
import avmon.fn.detector.EnabledDetectors;
import avmon.fn.notifier.NotifierHandler;
import avmon.local.LocalCloud;
import avmon.local.lambda.FunctionConfiguration;
import avmon.local.lambda.HandlerFactory;
import avmon.local.s3.S3Server;
import avmon.local.sfn.api.LocalStepFunctions;
import avmon.local.sfn.api.StepFunctionsService;
import avmon.statemachine.StreamWorkflow;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The serverless design deployed on the embedded local cloud: the frames bucket, the defects topic, the
 * three functions on the Lambda host (with the memory and timeouts they would have on AWS), and the
 * stream workflow created through {@link SfnClient}, as a deployment would create it. The functions' S3
 * and SNS clients count their requests in {@link #functionRequests()}.
 */
public final class LocalPipeline implements AutoCloseable {

    public static final String BUCKET = "avmon-frames";
    public static final String TOPIC = "avmon-defects";
    public static final String STATE_MACHINE = "avmon-stream-workflow";
    public static final String CONVERTER = "avmon-converter";
    public static final String DETECTOR = "avmon-detector";
    public static final String NOTIFIER = "avmon-notifier";

    /** What the detector runs when deployed with the model: the classical detectors and the model's. */
    public static final List<String> MODEL_DEPLOYMENT_DETECTORS = Stream.concat(DetectorSettings.NAMES.stream(),
            DetectorSettings.MODEL_NAMES.stream()).toList();

    private final LocalCloud cloud;
    private final RequestMeter functionRequests;
    private final S3Client s3;
    private final SfnClient sfn;
    private final String topicArn;
    private final String stateMachineArn;

    private LocalPipeline(Builder builder) {
        this.functionRequests = new RequestMeter();
        this.cloud = LocalCloud.builder().s3Bucket(BUCKET).sns().lambda()
                .stepFunctions(LocalStepFunctions.starter()).start();
        try {
            this.topicArn = cloud.sns().createTopic(TOPIC, Map.of()).arn();
            this.s3 = S3Client.builder().endpointOverride(cloud.s3Endpoint()).forcePathStyle(true)
                    .serviceConfiguration(S3Server.clientConfiguration())
                    .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider())
                    .httpClient(UrlConnectionHttpClient.create()).build();
            this.sfn = SfnClient.builder().endpointOverride(cloud.stepFunctionsEndpoint())
                    .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider())
                    .httpClient(UrlConnectionHttpClient.create()).build();
            Map<String, String> arns = registerFunctions(builder);
            Map<String, String> values = new HashMap<>();
            values.put(StreamWorkflow.CONVERTER, arns.get(CONVERTER));
            values.put(StreamWorkflow.DETECTOR, arns.get(DETECTOR));
            values.put(StreamWorkflow.NOTIFIER, arns.get(NOTIFIER));
            values.put(StreamWorkflow.SEGMENTS_PER_EXECUTION, Integer.toString(builder.segmentsPerExecution));
            values.put(StreamWorkflow.DETECTORS, String.join(",", builder.corruptionModel
                    ? MODEL_DEPLOYMENT_DETECTORS : DetectorSettings.NAMES));
            this.stateMachineArn = sfn.createStateMachine(b -> b.name(STATE_MACHINE)
                    .definition(StreamWorkflow.definition(values))
                    .roleArn("arn:aws:iam::" + cloud.accountId() + ":role/avmon-stream-workflow"))
                    .stateMachineArn();
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    /** Starts choosing how the pipeline is deployed. */
    public static Builder builder() {
        return new Builder();
    }

    private Map<String, String> registerFunctions(Builder builder) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(FunctionSettings.FRAMES_BUCKET, BUCKET);
        env.put(FunctionSettings.S3_ENDPOINT, cloud.s3Endpoint().toString());
        env.put(FunctionSettings.SNS_ENDPOINT, cloud.snsEndpoint().toString());
        env.put(FunctionSettings.TOPIC_ARN, topicArn);
        env.put(FunctionSettings.THUMBNAIL_SIZE, builder.thumbnailSize);
        if (builder.corruptionModel) {
            env.put(EnabledDetectors.ENV, String.join(",", MODEL_DEPLOYMENT_DETECTORS));
        }
        // The host puts the cloud's keys in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, as Lambda puts the role's.
        Map<String, HandlerFactory> handlers = new LinkedHashMap<>();
        handlers.put(CONVERTER, e -> new ConverterHandler(e, functionRequests));
        handlers.put(DETECTOR, e -> new DetectorHandler(e, functionRequests));
        handlers.put(NOTIFIER, e -> new NotifierHandler(e, functionRequests));
        handlers.putAll(builder.handlerOverrides);
        Map<String, String> arns = new HashMap<>();
        handlers.forEach((name, factory) -> arns.put(name, cloud.lambda().register(
                FunctionConfiguration.builder(name, factory)
                        .memoryMb(builder.size(name).memoryMb())
                        .timeout(builder.size(name).timeout())
                        .environment(env)
                        .build())));
        return arns;
    }

    public LocalCloud cloud() {
        return cloud;
    }

    /** An S3 client of the runner's own, not metered: uploads and listings are not the pipeline's requests. */
    public S3Client s3() {
        return s3;
    }

    public SfnClient sfn() {
        return sfn;
    }

    public String topicArn() {
        return topicArn;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    /** The S3 and SNS requests the functions made. */
    public RequestMeter functionRequests() {
        return functionRequests;
    }

    /** The Step Functions service, for the billed transitions the API does not show. */
    public StepFunctionsService stepFunctions() {
        return ((LocalStepFunctions) cloud.stepFunctions()).service();
    }

    /** A driver for this pipeline's state machine. */
    public StreamExecutions executions(Duration streamTimeout, Consumer<String> progress) {
        return new StreamExecutions(sfn, stateMachineArn, Duration.ofMillis(100), streamTimeout, progress);
    }

    @Override
    public void close() {
        sfn.close();
        s3.close();
        cloud.close();
    }

    /** Memory and timeout of each function, as the deployment sets them. */
    public record FunctionSize(int memoryMb, Duration timeout) {

        /** Decoding and PNG encoding a 2 s segment: the heaviest of the three. */
        public static final FunctionSize CONVERTER_SIZE = new FunctionSize(1024, Duration.ofSeconds(60));
        /** Reads a segment's frames back and runs one detector over them. */
        public static final FunctionSize DETECTOR_SIZE = new FunctionSize(512, Duration.ofSeconds(30));
        /** The same with the corruption model (the container image): PyTorch loaded, more CPU for the model. */
        public static final FunctionSize DETECTOR_IMAGE_SIZE = new FunctionSize(1024, Duration.ofSeconds(60));
        /** One SNS publish. */
        public static final FunctionSize NOTIFIER_SIZE = new FunctionSize(256, Duration.ofSeconds(10));

        static FunctionSize of(String function) {
            return switch (function) {
                case CONVERTER -> CONVERTER_SIZE;
                case DETECTOR -> DETECTOR_SIZE;
                case NOTIFIER -> NOTIFIER_SIZE;
                default -> throw new IllegalArgumentException("no function " + function);
            };
        }
    }

    /** Chooses how the pipeline is deployed; {@link #start()} deploys it. */
    public static final class Builder {
        private int segmentsPerExecution = StreamWorkflow.DEFAULT_SEGMENTS_PER_EXECUTION;
        private String thumbnailSize = "160x90";
        private boolean corruptionModel;
        private final Map<String, HandlerFactory> handlerOverrides = new HashMap<>();

        private Builder() {
        }

        /** Segments one execution handles before it continues as a new one. */
        public Builder segmentsPerExecution(int segments) {
            if (segments < 1) {
                throw new IllegalArgumentException("segments per execution must be at least 1, was " + segments);
            }
            this.segmentsPerExecution = segments;
            return this;
        }

        /** Analysis frame size, {@code WIDTHxHEIGHT}. */
        public Builder thumbnailSize(String size) {
            this.thumbnailSize = size;
            return this;
        }

        /**
         * Deploys the detector as the container image would be ({@code cdk -c corruptionModel=true}): it runs the
         * model detectors too, loading the model when it starts, with the image's size; and the converter writes
         * frames at the model's input size.
         *
         * @throws avmon.core.corruption.ModelFileException when the model's files are missing or damaged
         */
        public Builder corruptionModel() {
            ModelDescription model = CorruptionModel.shared().description();
            this.thumbnailSize = model.inputWidth() + "x" + model.inputHeight();
            this.corruptionModel = true;
            return this;
        }

        FunctionSize size(String function) {
            return corruptionModel && function.equals(DETECTOR) ? FunctionSize.DETECTOR_IMAGE_SIZE : FunctionSize.of(function);
        }

        /** Deploys another handler under one of the three function names (tests: a function that fails). */
        public Builder handler(String function, HandlerFactory factory) {
            FunctionSize.of(function);
            handlerOverrides.put(function, factory);
            return this;
        }

        public LocalPipeline start() {
            return new LocalPipeline(this);
        }
    }
}
