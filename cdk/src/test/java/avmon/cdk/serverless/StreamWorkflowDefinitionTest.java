package avmon.cdk.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.cdk.SynthesizedApp;
import avmon.cdk.TemplateJson;
import avmon.core.detect.DetectorSettings;
import avmon.statemachine.StreamWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployed state machine is the ASL file: the template carries the file's text unchanged and
 * CloudFormation substitutes the placeholders with this stack's functions (the notifier publishing to this
 * stack's topic) and the configured segment count.
 */
class StreamWorkflowDefinitionTest {

    private static TemplateJson json;
    private static JsonNode stateMachine;

    @BeforeAll
    static void synthesize() {
        json = new TemplateJson(SynthesizedApp.get().serverless());
        stateMachine = json.only("AWS::StepFunctions::StateMachine", "StreamWorkflow").getValue().path("Properties");
    }

    @Test
    void definitionString_defaults_isTheAslFileAsWritten() throws Exception {
        assertEquals(TemplateJson.JSON.readTree(StreamWorkflow.template()),
                TemplateJson.JSON.readTree(stateMachine.path("DefinitionString").asText()),
                "the template's definition is stream-workflow.asl.json");
    }

    @Test
    void definitionSubstitutions_defaults_everyPlaceholderResolvedToThisStack() {
        JsonNode substitutions = stateMachine.path("DefinitionSubstitutions");
        List<String> names = new ArrayList<>();
        substitutions.fieldNames().forEachRemaining(names::add);
        assertEquals(StreamWorkflow.placeholders(), new TreeSet<>(names), "one substitution per placeholder, no more");
        assertEquals(TemplateJson.arnOf(function("Converter")), substitutions.path(StreamWorkflow.CONVERTER), "converter");
        assertEquals(TemplateJson.arnOf(function("Detector")), substitutions.path(StreamWorkflow.DETECTOR), "detector");
        assertEquals(TemplateJson.arnOf(function("Notifier")), substitutions.path(StreamWorkflow.NOTIFIER), "notifier");
        assertEquals(Integer.toString(StreamWorkflow.DEFAULT_SEGMENTS_PER_EXECUTION),
                substitutions.path(StreamWorkflow.SEGMENTS_PER_EXECUTION).asText(), "segments per execution");
        assertEquals(String.join(",", DetectorSettings.NAMES), substitutions.path(StreamWorkflow.DETECTORS).asText(),
                "an execution without detectors runs the classical ones, which the zip function runs");
    }

    @Test
    void resolvedDefinition_defaults_tasksInvokeThisStacksFunctionsAndNotifierPublishesToItsTopic() throws Exception {
        // Resolve as CloudFormation would, with each function's logical id standing in for its ARN.
        Map<String, String> values = new HashMap<>();
        stateMachine.path("DefinitionSubstitutions").fields().forEachRemaining(e -> values.put(e.getKey(),
                e.getValue().isTextual() ? e.getValue().asText() : e.getValue().path("Fn::GetAtt").path(0).asText()));
        JsonNode definition = TemplateJson.JSON.readTree(StreamWorkflow.definition(values));
        JsonNode states = definition.path("States");
        assertEquals(function("Converter"), states.path("ConvertSegment").path("Arguments").path("FunctionName").asText(),
                "ConvertSegment invokes the converter");
        assertEquals(function("Detector"), states.path("DetectDefects").path("ItemProcessor").path("States")
                .path("RunDetector").path("Arguments").path("FunctionName").asText(), "RunDetector invokes the detector");
        assertEquals(function("Notifier"), states.path("NotifyDefects").path("Arguments").path("FunctionName").asText(),
                "NotifyDefects invokes the notifier");
        assertEquals(function("Notifier"), states.path("NotifyFailure").path("Arguments").path("FunctionName").asText(),
                "NotifyFailure invokes the notifier");
        String topic = json.only("AWS::SNS::Topic", "DefectsTopic").getKey();
        assertEquals(TemplateJson.ref(topic), json.only("AWS::Lambda::Function", "NotifierFunction").getValue()
                .path("Properties").path("Environment").path("Variables").path("TOPIC_ARN"),
                "the notifier the workflow invokes publishes to this stack's defects topic");
    }

    @Test
    void stateMachine_defaults_standardTracedLoggingErrors() {
        assertEquals("STANDARD", stateMachine.path("StateMachineType").asText(), "type");
        assertEquals(true, stateMachine.path("TracingConfiguration").path("Enabled").asBoolean(), "X-Ray tracing");
        assertEquals("ERROR", stateMachine.path("LoggingConfiguration").path("Level").asText(), "log level");
        assertEquals(TemplateJson.arnOf(json.only("AWS::Logs::LogGroup", "WorkflowLogs").getKey()),
                stateMachine.path("LoggingConfiguration").path("Destinations").path(0).path("CloudWatchLogsLogGroup")
                        .path("LogGroupArn"), "logs to the workflow log group");
    }

    private static String function(String name) {
        return json.only("AWS::Lambda::Function", name + "Function").getKey();
    }
}
