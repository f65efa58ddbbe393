package avmon.cdk.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cdk.SynthesizedApp;
import avmon.cdk.TemplateJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The serverless stack as synthesized with the default context. */
class ServerlessStackTest {

    private static Template template;
    private static TemplateJson json;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedApp.get().serverless();
        json = new TemplateJson(template);
    }

    @Test
    void framesBucket_defaults_encryptedPrivateAndExpiringFrames() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Map.of(
                        "Id", "ExpireFrames", "Prefix", "frames/", "ExpirationInDays", 1, "Status", "Enabled"))))));
    }

    @Test
    void framesBucketPolicy_defaults_deniesRequestsWithoutTls() {
        String bucket = json.only("AWS::S3::Bucket", "FramesBucket").getKey();
        JsonNode statements = json.only("AWS::S3::BucketPolicy", "FramesBucketPolicy").getValue()
                .path("Properties").path("PolicyDocument").path("Statement");
        boolean denies = TemplateJson.items(statements).stream().anyMatch(s -> "Deny".equals(s.path("Effect").asText())
                && "s3:*".equals(s.path("Action").asText())
                && "false".equals(s.path("Condition").path("Bool").path("aws:SecureTransport").asText())
                && s.path("Resource").toString().contains(bucket));
        assertTrue(denies, "a statement denies s3:* on the bucket when aws:SecureTransport is false: " + statements);
    }

    @Test
    void functions_defaults_java21WithMeasuredSizes() {
        assertFunction("Converter", "avmon.fn.converter.ConverterHandler", ServerlessSettings.CONVERTER_DEFAULT);
        assertFunction("Detector", "avmon.fn.detector.DetectorHandler", ServerlessSettings.DETECTOR_DEFAULT);
        assertFunction("Notifier", "avmon.fn.notifier.NotifierHandler", ServerlessSettings.NOTIFIER_DEFAULT);
    }

    private static void assertFunction(String name, String handler, FunctionSize size) {
        JsonNode props = json.only("AWS::Lambda::Function", name + "Function").getValue().path("Properties");
        assertEquals("java21", props.path("Runtime").asText(), name + " runtime");
        assertEquals(handler, props.path("Handler").asText(), name + " handler");
        assertEquals(size.memoryMb(), props.path("MemorySize").asInt(), name + " memory");
        assertEquals(size.timeout().toSeconds(), props.path("Timeout").asLong(), name + " timeout");
        assertEquals(size.ephemeralStorageMb(), props.path("EphemeralStorage").path("Size").asInt(), name + " /tmp");
        assertEquals(List.of("x86_64"), TemplateJson.items(props.path("Architectures")).stream().map(JsonNode::asText).toList(),
                name + " architecture (FFmpeg natives are x86_64)");
        String logGroup = json.only("AWS::Logs::LogGroup", name + "Logs").getKey();
        assertEquals(TemplateJson.ref(logGroup), props.path("LoggingConfig").path("LogGroup"), name + " logs to its own group");
    }

    @Test
    void detector_defaults_zipWithTheClassicalDetectorsOnly() {
        JsonNode props = json.only("AWS::Lambda::Function", "DetectorFunction").getValue().path("Properties");
        assertTrue(props.path("PackageType").isMissingNode(), "a zip package, not the model's container image");
        assertTrue(environment("Detector").path(ServerlessStack.DETECTORS).isMissingNode(),
                "no DETECTORS: the function runs the classical detectors, which need no PyTorch");
        assertTrue(json.ofType("AWS::Lambda::Function").stream()
                        .noneMatch(f -> f.getValue().path("Properties").path("PackageType").asText().equals("Image")),
                "no function is an image");
        assertTrue(template.findOutputs("Detectors").isEmpty(), "no Detectors output without the model");
    }

    @Test
    void functionEnvironment_defaults_bucketAndTopicOfThisStack() {
        JsonNode bucket = TemplateJson.ref(json.only("AWS::S3::Bucket", "FramesBucket").getKey());
        JsonNode topic = TemplateJson.ref(json.only("AWS::SNS::Topic", "DefectsTopic").getKey());
        JsonNode converter = environment("Converter");
        assertEquals(bucket, converter.path("FRAMES_BUCKET"), "converter writes to the frames bucket");
        assertEquals("160x90", converter.path("THUMBNAIL_SIZE").asText(), "converter thumbnail size");
        assertEquals(bucket, environment("Detector").path("FRAMES_BUCKET"), "detector reads the frames bucket");
        assertEquals(topic, environment("Notifier").path("TOPIC_ARN"), "notifier publishes to the defects topic");
    }

    private static JsonNode environment(String function) {
        return json.only("AWS::Lambda::Function", function + "Function").getValue()
                .path("Properties").path("Environment").path("Variables");
    }

    @Test
    void topics_defaults_encryptedWithRotatingKey() {
        String key = json.only("AWS::KMS::Key", "AlarmsKey").getKey();
        for (Map.Entry<String, JsonNode> topic : json.ofType("AWS::SNS::Topic")) {
            assertEquals(TemplateJson.arnOf(key), topic.getValue().path("Properties").path("KmsMasterKeyId"),
                    topic.getKey() + " is encrypted with the stack's key");
        }
        assertEquals(2, json.ofType("AWS::SNS::Topic").size(), "defects and alarms topics");
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @Test
    void logGroups_defaults_retainedTwoWeeks() {
        List<Map.Entry<String, JsonNode>> groups = json.ofType("AWS::Logs::LogGroup");
        assertEquals(4, groups.size(), "a log group per function and one for the workflow");
        for (Map.Entry<String, JsonNode> g : groups) {
            assertEquals(14, g.getValue().path("Properties").path("RetentionInDays").asInt(), g.getKey() + " retention");
        }
    }

    @Test
    void alarms_defaults_onFailedTimedOutThrottledExecutionsAndThrottledFunctions() {
        String workflow = json.only("AWS::StepFunctions::StateMachine", "StreamWorkflow").getKey();
        String alarmsTopic = json.only("AWS::SNS::Topic", "AlarmsTopic").getKey();
        Set<String> stateMachineMetrics = new TreeSet<>();
        Set<String> throttledFunctions = new TreeSet<>();
        for (Map.Entry<String, JsonNode> alarm : json.ofType("AWS::CloudWatch::Alarm")) {
            JsonNode props = alarm.getValue().path("Properties");
            assertEquals(List.of(TemplateJson.ref(alarmsTopic)), TemplateJson.items(props.path("AlarmActions")),
                    alarm.getKey() + " tells the alarms topic");
            assertEquals(1, props.path("Threshold").asInt(), alarm.getKey() + " fires on any occurrence");
            String dimension = props.path("Dimensions").path(0).path("Value").toString();
            if (props.path("Namespace").asText().equals("AWS/States")) {
                assertTrue(dimension.contains(workflow), alarm.getKey() + " watches this stack's workflow");
                stateMachineMetrics.add(props.path("MetricName").asText());
            } else if (props.path("MetricName").asText().equals("Throttles")) {
                throttledFunctions.add(props.path("Dimensions").path(0).path("Value").path("Ref").asText().replaceAll("Function.*", ""));
            }
        }
        assertEquals(Set.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionThrottled"), stateMachineMetrics,
                "state machine alarms");
        assertEquals(Set.of("Converter", "Detector", "Notifier"), throttledFunctions, "function throttle alarms");
    }

    @Test
    void outputs_defaults_whatServerlessStartNeeds() {
        template.hasOutput("StateMachineArn", Map.of("Value", Map.of("Ref",
                json.only("AWS::StepFunctions::StateMachine", "StreamWorkflow").getKey())));
        template.hasOutput("FramesBucketName", Map.of("Value", Map.of("Ref",
                json.only("AWS::S3::Bucket", "FramesBucket").getKey())));
    }
}
