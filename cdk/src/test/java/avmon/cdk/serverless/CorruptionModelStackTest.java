package avmon.cdk.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cdk.IamStatements;
import avmon.cdk.TemplateJson;
import avmon.cdk.context.ContextValues;
import avmon.cdk.context.InvalidContextException;
import avmon.core.detect.DetectorSettings;
import avmon.fn.detector.EnabledDetectors;
import avmon.statemachine.StreamWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * {@code -c corruptionModel=true}: the detector function as a container image that runs the block-corruption
 * model too, and the converter writing frames at the model's input size. Synthesized offline: the image is only
 * described (its context fingerprinted), `cdk deploy` builds it.
 */
class CorruptionModelStackTest {

    /** Holds each app's synthesis; JUnit deletes it after the class. */
    @TempDir
    static Path outdirs;

    private static TemplateJson json;
    private static Template template;
    private static Annotations annotations;

    @BeforeAll
    static void synthesize() throws Exception {
        App app = app(Map.of("corruptionModel", "true"));
        ServerlessStack stack = new ServerlessStack(app, "Model", StackProps.builder().build(),
                ServerlessSettings.from(new ContextValues(app.getNode())));
        Aspects.of(app).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
        json = new TemplateJson(template);
        annotations = Annotations.fromStack(stack);
    }

    private static App app(Map<String, Object> context) throws Exception {
        Map<String, Object> all = new HashMap<>(context);
        all.put("aws:cdk:disable-asset-staging", true);
        return new App(AppProps.builder().outdir(Files.createTempDirectory(outdirs, "app").toString())
                .context(all).build());
    }

    @Test
    void detectorFunction_corruptionModel_containerImageWithTheImageSize() {
        JsonNode props = json.only("AWS::Lambda::Function", "DetectorFunction").getValue().path("Properties");
        FunctionSize size = ServerlessSettings.DETECTOR_IMAGE_DEFAULT;
        assertEquals("Image", props.path("PackageType").asText(), "deployed as a container image");
        assertTrue(props.path("Code").path("ImageUri").isObject() || props.path("Code").path("ImageUri").isTextual(),
                "its code is an image URI: " + props.path("Code"));
        assertTrue(props.path("Runtime").isMissingNode() && props.path("Handler").isMissingNode(),
                "the image brings its runtime and names its handler (CMD)");
        assertEquals(1024, size.memoryMb(), "the image's measured memory (ServerlessSettings)");
        assertEquals(size.memoryMb(), props.path("MemorySize").asInt(), "memory");
        assertEquals(size.timeout().toSeconds(), props.path("Timeout").asLong(), "timeout");
        assertEquals(size.ephemeralStorageMb(), props.path("EphemeralStorage").path("Size").asInt(), "/tmp");
        assertEquals(List.of("x86_64"), TemplateJson.items(props.path("Architectures")).stream().map(JsonNode::asText).toList(),
                "architecture (the PyTorch natives are x86_64)");
        String logGroup = json.only("AWS::Logs::LogGroup", "DetectorLogs").getKey();
        assertEquals(TemplateJson.ref(logGroup), props.path("LoggingConfig").path("LogGroup"), "logs to its own group");
    }

    @Test
    void detectorEnvironment_corruptionModel_enablesTheClassicalDetectorsAndTheModel() {
        JsonNode env = environment("Detector");
        List<String> expected = new ArrayList<>(DetectorSettings.NAMES);
        expected.addAll(DetectorSettings.MODEL_NAMES);
        assertEquals(EnabledDetectors.ENV, ServerlessStack.DETECTORS, "the variable the function reads");
        assertEquals(String.join(",", expected), env.path(EnabledDetectors.ENV).asText(), "detectors the function runs");
        assertEquals(TemplateJson.ref(json.only("AWS::S3::Bucket", "FramesBucket").getKey()), env.path("FRAMES_BUCKET"),
                "reads the frames bucket");
        template.hasOutput("Detectors", Map.of("Value", String.join(",", expected)));
        JsonNode substitutions = json.only("AWS::StepFunctions::StateMachine", "StreamWorkflow").getValue()
                .path("Properties").path("DefinitionSubstitutions");
        assertEquals(String.join(",", expected), substitutions.path(StreamWorkflow.DETECTORS).asText(),
                "an execution whose input names no detectors runs these, the model among them");
    }

    @Test
    void converterEnvironment_corruptionModel_framesAtTheModelsInputSize() {
        assertEquals("320x180", environment("Converter").path("THUMBNAIL_SIZE").asText(),
                "the committed model's input (corruption-model.json), which it refuses to go below");
    }

    @Test
    void otherFunctions_corruptionModel_stillJarsOnJava21() {
        for (String f : List.of("Converter", "Notifier")) {
            JsonNode props = json.only("AWS::Lambda::Function", f + "Function").getValue().path("Properties");
            assertEquals("java21", props.path("Runtime").asText(), f + " runtime");
            assertTrue(props.path("PackageType").isMissingNode(), f + " is a zip package");
        }
    }

    @Test
    void detectorRole_corruptionModel_readsFramesOnly() {
        String bucket = "<" + json.only("AWS::S3::Bucket", "FramesBucket").getKey() + ".Arn>";
        String logs = "<" + json.only("AWS::Logs::LogGroup", "DetectorLogs").getKey() + ".Arn>";
        Map<String, Set<String>> grants = IamStatements.grants(json, "DetectorRoleDefaultPolicy");
        assertEquals(Set.of(bucket + "/frames/*"), grants.get("s3:GetObject"), "reads frames");
        assertEquals(Set.of(bucket), grants.get("s3:ListBucket"), "lists the bucket's key names");
        assertEquals(Set.of(logs), grants.get("logs:PutLogEvents"), "writes its own logs");
        assertEquals(Set.of("s3:GetObject", "s3:ListBucket", "logs:CreateLogStream", "logs:PutLogEvents"),
                grants.keySet(), "the image changes nothing the role may do (Lambda pulls the image itself)");
    }

    @Test
    void everyStatement_corruptionModel_noWildcardWhereANarrowerOneExists() {
        assertEquals(List.of(), IamStatements.problems(json), "statements broader than they need to be");
    }

    @Test
    void awsSolutionsChecks_corruptionModel_noUnsuppressedError() {
        assertEquals(List.of(), annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(e -> e.getId() + ": " + e.getEntry().getData()).toList(), "unsuppressed AwsSolutions errors");
    }

    @Test
    void from_corruptionModelWithSmallerFrames_refusedNamingTheModelsInput() throws Exception {
        App app = app(Map.of("corruptionModel", "true", "thumbnailSize", "160x90"));
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> ServerlessSettings.from(new ContextValues(app.getNode())));
        assertTrue(e.getMessage().contains("thumbnailSize") && e.getMessage().contains("320x180"), e.getMessage());
    }

    @Test
    void from_corruptionModelWithLargerFrames_kept() throws Exception {
        App app = app(Map.of("corruptionModel", "true", "thumbnailSize", "640x360"));
        assertEquals("640x360", ServerlessSettings.from(new ContextValues(app.getNode())).thumbnailSize(),
                "larger pictures are point-sampled down by the model");
    }

    @Test
    void from_corruptionModelNotABoolean_refused() throws Exception {
        App app = app(Map.of("corruptionModel", "yes"));
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> ServerlessSettings.from(new ContextValues(app.getNode())));
        assertTrue(e.getMessage().contains("corruptionModel") && e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void from_corruptionModelWithADetectorJar_refusedAsTheImageIsBuiltFromTheModule() throws Exception {
        App app = app(Map.of("corruptionModel", "true", "detectorJar", "/elsewhere/detector.jar"));
        InvalidContextException e = assertThrows(InvalidContextException.class,
                () -> ServerlessSettings.from(new ContextValues(app.getNode())));
        assertTrue(e.getMessage().contains("detectorJar"), e.getMessage());
    }

    @Test
    void from_corruptionModelFalse_theZipDetector() throws Exception {
        App app = app(Map.of("corruptionModel", "false"));
        ServerlessSettings settings = ServerlessSettings.from(new ContextValues(app.getNode()));
        assertFalse(settings.corruptionModel(), "off");
        assertEquals(ServerlessSettings.DETECTOR_DEFAULT, settings.detector(), "the zip detector's size");
        assertEquals(DetectorSettings.NAMES, settings.detectors(), "classical detectors only");
    }

    private static JsonNode environment(String function) {
        return json.only("AWS::Lambda::Function", function + "Function").getValue()
                .path("Properties").path("Environment").path("Variables");
    }
}
