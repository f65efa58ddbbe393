package avmon.cdk.serverless;

import avmon.aws.lambda.FunctionSettings;
import avmon.cdk.alarm.AlarmsTopic;
import avmon.statemachine.StreamWorkflow;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The serverless design on AWS: the frames bucket, the converter, detector and notifier functions, the defects
 * topic, the per-stream workflow from {@code stream-workflow.asl.json}, log groups and alarms. Every role is
 * granted what its code calls on these resources only.
 */
public final class ServerlessStack extends Stack {

    /** Key prefix of frames and audio (avmon.core.store.SegmentKey). */
    static final String FRAMES_PREFIX = "frames/";
    /** The detector function's list of the detectors it runs (avmon.fn.detector.EnabledDetectors). */
    static final String DETECTORS = "DETECTORS";

    private final Bucket framesBucket;
    private final Topic defectsTopic;
    private final Topic alarmsTopic;
    private final IKey topicKey;
    private final StreamFunction converter;
    private final StreamFunction detector;
    private final StreamFunction notifier;
    private final StateMachine workflow;

    public ServerlessStack(Construct scope, String id, StackProps props, ServerlessSettings settings) {
        super(scope, id, props);
        this.framesBucket = framesBucket(settings);
        AlarmsTopic alarms = new AlarmsTopic(this, "Alarms", settings.alarmEmail());
        this.alarmsTopic = alarms.topic();
        this.topicKey = alarms.key();
        this.defectsTopic = Topic.Builder.create(this, "DefectsTopic").masterKey(topicKey).enforceSsl(true).build();

        this.converter = new StreamFunction(this, "Converter",
                FunctionCode.jar("avmon.fn.converter.ConverterHandler", settings.converterJar()),
                settings.converter(), settings.logRetention(), converterEnvironment(settings));
        this.detector = new StreamFunction(this, "Detector", detectorCode(settings), settings.detector(),
                settings.logRetention(), detectorEnvironment(settings));
        this.notifier = new StreamFunction(this, "Notifier",
                FunctionCode.jar("avmon.fn.notifier.NotifierHandler", settings.notifierJar()),
                settings.notifier(), settings.logRetention(), Map.of(FunctionSettings.TOPIC_ARN, defectsTopic.getTopicArn()));
        grantFunctions(settings);

        this.workflow = workflow(settings);
        new WorkflowAlarms(this, "WorkflowAlarms", workflow, List.of(converter, detector, notifier), alarms);

        CfnOutput.Builder.create(this, "StateMachineArn").value(workflow.getStateMachineArn())
                .description("avmon serverless start --target aws --state-machine-arn THIS s3://BUCKET/" + settings.sourcesPrefix() + "ID/index.m3u8").build();
        CfnOutput.Builder.create(this, "FramesBucketName").value(framesBucket.getBucketName())
                .description("Upload streams under " + settings.sourcesPrefix()).build();
        CfnOutput.Builder.create(this, "DefectsTopicArn").value(defectsTopic.getTopicArn()).build();
        CfnOutput.Builder.create(this, "AlarmsTopicArn").value(alarmsTopic.getTopicArn()).build();
        if (settings.corruptionModel()) {
            // What the detector function runs, and what an execution runs when its input names no detectors.
            CfnOutput.Builder.create(this, "Detectors").value(String.join(",", settings.detectors()))
                    .description("Detectors an execution runs unless its input (serverless start --detectors) names some")
                    .build();
        }
        suppressFindings(settings);
    }

    private Bucket framesBucket(ServerlessSettings settings) {
        return Bucket.Builder.create(this, "FramesBucket")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(false)
                .lifecycleRules(List.of(
                        // Frames are read once, seconds after they are written; the rule is the safety net
                        // that keeps a day's traffic from becoming storage.
                        LifecycleRule.builder().id("ExpireFrames").prefix(FRAMES_PREFIX)
                                .expiration(Duration.days(settings.framesExpiryDays())).build(),
                        LifecycleRule.builder().id("AbortIncompleteUploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                // `cdk destroy` deletes the bucket once it is empty (README: empty it first).
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    /**
     * The deployment jar on java21; with the corruption model, the container image that adds PyTorch's natives
     * (detector-fn/docker/Dockerfile), since they do not fit a zip package.
     */
    private static FunctionCode detectorCode(ServerlessSettings settings) {
        return settings.corruptionModel()
                ? FunctionCode.detectorImage(settings.repoRoot())
                : FunctionCode.jar("avmon.fn.detector.DetectorHandler", settings.detectorJar());
    }

    private Map<String, String> converterEnvironment(ServerlessSettings settings) {
        Map<String, String> env = new LinkedHashMap<>(framesEnvironment());
        env.put(FunctionSettings.ALLOWED_HTTPS_HOSTS, String.join(",", settings.allowedHttpsHosts()));
        env.put(FunctionSettings.THUMBNAIL_SIZE, settings.thumbnailSize());
        return env;
    }

    /** With the model, the detector is told to run it (and so to load it when it starts). */
    private Map<String, String> detectorEnvironment(ServerlessSettings settings) {
        Map<String, String> env = framesEnvironment();
        if (settings.corruptionModel()) {
            env.put(DETECTORS, String.join(",", settings.detectors()));
        }
        return env;
    }

    private Map<String, String> framesEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(FunctionSettings.FRAMES_BUCKET, framesBucket.getBucketName());
        // FFmpeg's natives unpack into /tmp (ephemeral storage), once per execution environment.
        env.put("JAVA_TOOL_OPTIONS", "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp");
        return env;
    }

    /**
     * The converter reads sources under the sources prefix and writes frames; the detector reads frames; the
     * notifier publishes to the defects topic. S3 answers a GET of a missing key with 404 (the handlers' typed
     * "not found" errors: StreamNotFound, FramesMissing) only to a caller allowed s3:ListBucket on the bucket,
     * otherwise with 403 (which they would report as the store being unavailable, and retry); AWS documents
     * that check against the bucket, with no key prefix to condition on. So both may list this one bucket's
     * key names, and nothing else of it.
     */
    private void grantFunctions(ServerlessSettings settings) {
        String framesKeys = framesBucket.arnForObjects(FRAMES_PREFIX + "*");
        String sourceKeys = framesBucket.arnForObjects(settings.sourcesPrefix() + "*");
        converter.allow(PolicyStatement.Builder.create().actions(List.of("s3:GetObject")).resources(List.of(sourceKeys)).build());
        converter.allow(PolicyStatement.Builder.create().actions(List.of("s3:PutObject")).resources(List.of(framesKeys)).build());
        converter.allow(listFramesBucket());
        detector.allow(PolicyStatement.Builder.create().actions(List.of("s3:GetObject")).resources(List.of(framesKeys)).build());
        detector.allow(listFramesBucket());
        notifier.allow(PolicyStatement.Builder.create().actions(List.of("sns:Publish"))
                .resources(List.of(defectsTopic.getTopicArn())).build());
        // SNS encrypts each message with a data key it asks KMS for on the publisher's behalf. Named actions,
        // not the kms:GenerateDataKey* family grantPublish would give.
        notifier.allow(PolicyStatement.Builder.create().actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of(topicKey.getKeyArn())).build());
    }

    private PolicyStatement listFramesBucket() {
        return PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(framesBucket.getBucketArn()))
                .build();
    }

    private StateMachine workflow(ServerlessSettings settings) {
        // A fixed name, so the role can allow the workflow to start its own successor (continue-as-new)
        // without a reference from the role to the state machine, which depends on the role.
        String name = getStackName() + "-stream-workflow";
        String ownArn = formatArn(ArnComponents.builder().service("states").resource("stateMachine")
                .resourceName(name).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        Role role = Role.Builder.create(this, "WorkflowRole")
                .assumedBy(new ServicePrincipal("states.amazonaws.com"))
                .description("Stream workflow: invokes the three functions, starts its own successor")
                .build();
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction"))
                .resources(List.of(converter.function().getFunctionArn(), detector.function().getFunctionArn(),
                        notifier.function().getFunctionArn()))
                .build());
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:StartExecution"))
                .resources(List.of(ownArn))
                .build());
        LogGroup logs = LogGroup.Builder.create(this, "WorkflowLogs")
                .logGroupName("/aws/vendedlogs/states/" + name)
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Map<String, String> substitutions = new LinkedHashMap<>();
        substitutions.put(StreamWorkflow.CONVERTER, converter.function().getFunctionArn());
        substitutions.put(StreamWorkflow.DETECTOR, detector.function().getFunctionArn());
        substitutions.put(StreamWorkflow.NOTIFIER, notifier.function().getFunctionArn());
        substitutions.put(StreamWorkflow.SEGMENTS_PER_EXECUTION, Integer.toString(settings.segmentsPerExecution()));
        // What an execution runs when its input names no detectors: what this stack's detector function runs.
        substitutions.put(StreamWorkflow.DETECTORS, String.join(",", settings.detectors()));
        return StateMachine.Builder.create(this, "StreamWorkflow")
                .stateMachineName(name)
                .stateMachineType(StateMachineType.STANDARD)
                // The file as written, placeholders resolved by CloudFormation from the substitutions: the same
                // definition the local engine runs.
                .definitionBody(DefinitionBody.fromString(StreamWorkflow.template()))
                .definitionSubstitutions(substitutions)
                .role(role)
                .logs(LogOptions.builder().destination(logs).level(settings.workflowLogLevel())
                        .includeExecutionData(false).build())
                .tracingEnabled(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    private void suppressFindings(ServerlessSettings settings) {
        // A container image brings its own runtime (the java21 base image), which this rule does not look at.
        List<StreamFunction> onJava21 = settings.corruptionModel() ? List.of(converter, notifier)
                : List.of(converter, detector, notifier);
        for (StreamFunction f : onJava21) {
            NagSuppressions.addResourceSuppressions(f.function(), List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-L1")
                    .reason("java21 is the runtime the functions are built and tested for: the FFmpeg natives of "
                            + "JavaCV 1.5.11 were checked against its Amazon Linux 2023; java25 has not been tried.")
                    .build()));
        }
        String bucket = "<" + getLogicalId((CfnElement) framesBucket.getNode().getDefaultChild()) + ".Arn>";
        suppressWildcard(converter.role(), "Resource::" + bucket + "/" + settings.sourcesPrefix() + "*",
                "The converter reads the stream segments and playlists under the sources prefix; their keys are "
                        + "chosen when streams are uploaded, after deployment.");
        suppressWildcard(converter.role(), "Resource::" + bucket + "/" + FRAMES_PREFIX + "*",
                "The converter writes frames/<stream>/<segment>/...; stream ids and segments are known only at run time.");
        suppressWildcard(detector.role(), "Resource::" + bucket + "/" + FRAMES_PREFIX + "*",
                "The detector reads frames/<stream>/<segment>/...; stream ids and segments are known only at run time.");
        suppressWildcard(workflow.getRole(), "Resource::*",
                "X-Ray's PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets and CloudWatch "
                        + "Logs' log delivery actions (CreateLogDelivery and the like) take no resource-level "
                        + "permissions: AWS documents '*' as their only resource.");
        NagSuppressions.addResourceSuppressions(framesBucket, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("Frames are intermediate data, written and read once within seconds and expired by the "
                        + "lifecycle rule; server access logs would write a log object for every few frame requests "
                        + "into a second bucket, for data that no longer exists a day later.")
                .build()));
        if (!settings.workflowLogLevel().name().equals("ALL")) {
            NagSuppressions.addResourceSuppressions(workflow, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-SF1")
                    .reason("Logging ALL events writes several log events per state transition, the unit this "
                            + "design already pays most for; ERROR logs every failure. -c workflowLogLevel=ALL "
                            + "turns full logging on.")
                    .build()));
        }
    }

    private static void suppressWildcard(IConstruct role, String finding, String reason) {
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5").appliesTo(List.of(finding)).reason(reason).build()), true);
    }
}
