package avmon.cdk.monolith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cdk.IamStatements;
import avmon.cdk.TemplateJson;
import avmon.cdk.context.ContextValues;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import software.amazon.awscdk.services.logs.RetentionDays;

/** {@code autoscale=1-4} with two detector groups: a service per group, scaled on CPU, copies finding their shards. */
class ScaledMonolithStackTest {

    @TempDir
    static Path outdir;

    private static TemplateJson json;
    private static Annotations annotations;

    @BeforeAll
    static void synthesize() throws Exception {
        App app = new App(AppProps.builder()
                .outdir(outdir.toString())
                .context(Map.of("aws:cdk:disable-asset-staging", true,
                        "autoscale", "1-4",
                        "detectorGroups", "freeze,black;silence",
                        "streams", "a=https://example.com/a/index.m3u8"))
                .build());
        MonolithStack stack = new MonolithStack(app, "Scaled", StackProps.builder().build(),
                MonolithSettings.from(new ContextValues(app.getNode()), RetentionDays.ONE_WEEK));
        Aspects.of(app).add(new AwsSolutionsChecks());
        json = new TemplateJson(Template.fromStack(stack));
        annotations = Annotations.fromStack(stack);
    }

    @Test
    void scalableTargets_autoscale_oneToFourCopiesPerGroup() {
        List<Map.Entry<String, JsonNode>> targets = json.ofType("AWS::ApplicationAutoScaling::ScalableTarget");
        assertEquals(2, targets.size(), "a scalable service per detector group");
        for (Map.Entry<String, JsonNode> t : targets) {
            JsonNode props = t.getValue().path("Properties");
            assertEquals(1, props.path("MinCapacity").asInt(), t.getKey() + " min");
            assertEquals(4, props.path("MaxCapacity").asInt(), t.getKey() + " max");
            assertEquals("ecs:service:DesiredCount", props.path("ScalableDimension").asText(), t.getKey() + " dimension");
        }
    }

    @Test
    void scalingPolicies_autoscale_trackServiceCpu() {
        List<Map.Entry<String, JsonNode>> policies = json.ofType("AWS::ApplicationAutoScaling::ScalingPolicy");
        assertEquals(2, policies.size(), "a policy per service");
        for (Map.Entry<String, JsonNode> p : policies) {
            JsonNode tracking = p.getValue().path("Properties").path("TargetTrackingScalingPolicyConfiguration");
            assertEquals("ECSServiceAverageCPUUtilization",
                    tracking.path("PredefinedMetricSpecification").path("PredefinedMetricType").asText(), p.getKey() + " metric");
            assertEquals(MonitorService.CPU_TARGET_PERCENT, tracking.path("TargetValue").asDouble(), p.getKey() + " target");
        }
    }

    @Test
    void containers_autoscale_startThroughTheCopyScriptWithTheirServiceName() {
        for (Map.Entry<String, JsonNode> task : json.ofType("AWS::ECS::TaskDefinition")) {
            JsonNode container = task.getValue().path("Properties").path("ContainerDefinitions").path(0);
            List<String> entryPoint = TemplateJson.items(container.path("EntryPoint")).stream().map(TemplateJson::flatten).toList();
            assertEquals(MonitorService.COPY_ENTRY_POINT, entryPoint.get(0), task.getKey() + " entry point");
            String serviceOfTask = json.ofType("AWS::ECS::Service").stream()
                    .filter(s -> s.getValue().path("Properties").path("TaskDefinition").path("Ref").asText().equals(task.getKey()))
                    .map(s -> s.getValue().path("Properties").path("ServiceName").asText()).findFirst().orElseThrow();
            assertEquals(List.of(MonitorService.COPY_ENTRY_POINT, serviceOfTask), entryPoint,
                    task.getKey() + ": the copy lists the tasks of its own service");
            List<String> command = TemplateJson.items(container.path("Command")).stream().map(TemplateJson::flatten).toList();
            assertTrue(!command.contains("--shard") && !command.contains("monitor"),
                    task.getKey() + ": the script adds the verb and the shard: " + command);
        }
    }

    @Test
    void taskRoles_autoscale_listTasksOfThisClusterOnly() {
        String cluster = "<" + json.only("AWS::ECS::Cluster", "Cluster").getKey() + ".Arn>";
        long listing = IamStatements.statements(json).stream()
                .filter(s -> TemplateJson.items(s.getValue().path("Action")).stream().anyMatch(a -> a.asText().equals("ecs:ListTasks")))
                .peek(s -> assertEquals(cluster, TemplateJson.flatten(s.getValue().path("Condition").path("ArnEquals")
                        .path("ecs:cluster")), s.getKey() + " lists tasks of this stack's cluster only"))
                .count();
        assertEquals(2, listing, "each service's copies may list tasks");
        assertEquals(List.of(), IamStatements.problems(json), "no broader statement");
    }

    @Test
    void awsSolutionsChecks_autoscale_noUnsuppressedError() {
        assertEquals(List.of(), annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(e -> e.getId() + ": " + e.getEntry().getData()).toList(), "unsuppressed AwsSolutions errors");
    }
}
