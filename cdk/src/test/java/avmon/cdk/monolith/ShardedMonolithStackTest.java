package avmon.cdk.monolith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.cdk.TemplateJson;
import avmon.cdk.context.ContextValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Two shards times two detector groups from context: four copies, each told its share. */
class ShardedMonolithStackTest {

    @TempDir
    static Path outdir;

    private static TemplateJson json;

    @BeforeAll
    static void synthesize() throws Exception {
        App app = new App(AppProps.builder()
                .outdir(outdir.toString())
                .context(Map.of("aws:cdk:disable-asset-staging", true,
                        "shardCount", "2",
                        "detectorGroups", "freeze,black;silence,av_sync",
                        "streams", "a=https://example.com/a/index.m3u8,b=https://example.com/b/index.m3u8",
                        "monolithImage", "public.ecr.aws/example/avmon:1"))
                .build());
        MonolithStack stack = new MonolithStack(app, "Sharded", StackProps.builder().build(),
                MonolithSettings.from(new ContextValues(app.getNode()), RetentionDays.ONE_WEEK));
        json = new TemplateJson(Template.fromStack(stack));
    }

    @Test
    void services_twoShardsTwoGroups_oneCopyForEachPair() {
        TreeSet<String> shares = new TreeSet<>();
        for (Map.Entry<String, JsonNode> task : json.ofType("AWS::ECS::TaskDefinition")) {
            List<String> command = TemplateJson.items(task.getValue().path("Properties").path("ContainerDefinitions")
                    .path(0).path("Command")).stream().map(TemplateJson::flatten).toList();
            shares.add(after(command, "--shard") + " " + after(command, "--detectors"));
            assertEquals(List.of("a=https://example.com/a/index.m3u8", "b=https://example.com/b/index.m3u8"),
                    command.subList(command.size() - 2, command.size()), task.getKey() + ": every copy gets every stream");
        }
        assertEquals(new TreeSet<>(List.of("0/2 freeze,black", "0/2 silence,av_sync", "1/2 freeze,black",
                "1/2 silence,av_sync")), shares, "shard and detector group of each copy");
        assertEquals(4, json.ofType("AWS::ECS::Service").size(), "a service per copy");
    }

    @Test
    void image_registryGiven_usedAsIsWithoutEcrPermissions() {
        for (Map.Entry<String, JsonNode> task : json.ofType("AWS::ECS::TaskDefinition")) {
            assertEquals("public.ecr.aws/example/avmon:1", task.getValue().path("Properties").path("ContainerDefinitions")
                    .path(0).path("Image").asText(), task.getKey() + " image");
        }
        boolean ecr = json.ofType("AWS::IAM::Policy").stream()
                .anyMatch(p -> p.getValue().path("Properties").toString().contains("ecr:"));
        assertEquals(false, ecr, "no ECR permission when the image comes from a public registry");
    }

    private static String after(List<String> command, String option) {
        int i = command.indexOf(option);
        return i < 0 ? "" : command.get(i + 1);
    }
}
