package avmon.cdk.monolith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.cdk.context.ContextValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Synthesizing the monolith's image needs no Docker: synth only stages the build context, which is the
 * repository cut down to the Dockerfile, the copy script and the cli jar; `cdk deploy` builds it.
 */
class MonolithImageAssetTest {

    @TempDir
    Path out;

    @Test
    void synth_withStaging_contextHoldsOnlyWhatTheDockerfileCopies() throws IOException {
        App app = new App(AppProps.builder().outdir(out.toString()).build());
        new MonolithStack(app, "Image", StackProps.builder().build(),
                MonolithSettings.from(new ContextValues(app.getNode()), RetentionDays.ONE_WEEK));
        app.synth();
        List<Path> contexts;
        try (Stream<Path> files = Files.list(out)) {
            contexts = files.filter(Files::isDirectory).filter(p -> p.getFileName().toString().startsWith("asset.")).toList();
        }
        assertEquals(1, contexts.size(), "one staged image context: " + contexts);
        List<String> staged;
        try (Stream<Path> files = Files.walk(contexts.get(0))) {
            staged = files.filter(Files::isRegularFile).map(f -> contexts.get(0).relativize(f).toString()).sorted().toList();
        }
        assertEquals(List.of("cli/target/avmon.jar", "docker/monolith/Dockerfile", "docker/monolith/avmon-ecs-copy"),
                staged, "the build context");
    }
}
