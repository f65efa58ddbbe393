package avmon.cdk.monolith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.cdk.IamStatements;
import avmon.cdk.TemplateJson;
import avmon.cdk.context.ContextValues;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
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

/** Streams in S3 ({@code sourcesBucket}): the copies may read that bucket's sources prefix and nothing else of it. */
class S3SourcesMonolithStackTest {

    @TempDir
    static Path outdir;

    private static TemplateJson json;
    private static Annotations annotations;

    @BeforeAll
    static void synthesize() throws Exception {
        App app = new App(AppProps.builder()
                .outdir(outdir.toString())
                .context(Map.of("aws:cdk:disable-asset-staging", true,
                        "sourcesBucket", "avmon-frames-1",
                        "streams", "cam=s3://avmon-frames-1/streams/cam/index.m3u8",
                        "monolithImage", "public.ecr.aws/example/avmon:1"))
                .build());
        MonolithStack stack = new MonolithStack(app, "S3Sources", StackProps.builder().build(),
                MonolithSettings.from(new ContextValues(app.getNode()), RetentionDays.ONE_WEEK));
        Aspects.of(app).add(new AwsSolutionsChecks());
        json = new TemplateJson(Template.fromStack(stack));
        annotations = Annotations.fromStack(stack);
    }

    @Test
    void taskRole_s3Streams_readsTheSourcesPrefixAndListsTheBucket() {
        JsonNode statements = json.only("AWS::IAM::Policy", "Shard0TaskTaskRoleDefaultPolicy").getValue()
                .path("Properties").path("PolicyDocument").path("Statement");
        List<String> s3 = TemplateJson.items(statements).stream()
                .flatMap(s -> TemplateJson.items(s.path("Action")).stream().filter(a -> a.asText().startsWith("s3:"))
                        .flatMap(a -> TemplateJson.items(s.path("Resource")).stream()
                                .map(r -> a.asText() + " " + TemplateJson.flatten(r))))
                .sorted().toList();
        assertEquals(List.of("s3:GetObject arn:<AWS::Partition>:s3:::avmon-frames-1/streams/*",
                "s3:ListBucket arn:<AWS::Partition>:s3:::avmon-frames-1"), s3, "S3 grants");
        assertEquals(List.of(), IamStatements.problems(json), "no broader statement");
    }

    @Test
    void awsSolutionsChecks_s3Streams_noUnsuppressedError() {
        assertEquals(List.of(), annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(e -> e.getId() + ": " + e.getEntry().getData()).toList(), "unsuppressed AwsSolutions errors");
    }
}
