package avmon.cdk.serverless;

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

/**
 * Synthesizing the detector image needs no Docker: synth only stages its build context, the repository cut down
 * to what the Dockerfile copies; `cdk deploy` builds it.
 */
class DetectorImageAssetTest {

    @TempDir
    Path out;

    @Test
    void synth_corruptionModelWithStaging_contextHoldsOnlyWhatTheDockerfileCopies() throws IOException {
        App app = new App(AppProps.builder().outdir(out.toString()).context(Map.of("corruptionModel", "true")).build());
        new ServerlessStack(app, "Image", StackProps.builder().build(),
                ServerlessSettings.from(new ContextValues(app.getNode())));
        app.synth();
        List<Path> contexts;
        try (Stream<Path> files = Files.list(out)) {
            contexts = files.filter(Files::isDirectory)
                    .filter(p -> Files.isRegularFile(p.resolve(FunctionCode.DETECTOR_DOCKERFILE))).toList();
        }
        assertEquals(1, contexts.size(), "one staged image context: " + contexts);
        List<String> staged;
        try (Stream<Path> files = Files.walk(contexts.get(0))) {
            staged = files.filter(Files::isRegularFile).map(f -> contexts.get(0).relativize(f).toString())
                    .map(name -> name.replaceAll("\\d+(\\.\\d+)*(-SNAPSHOT)?", "V")).sorted().toList();
        }
        assertEquals(List.of("detector-fn/docker/Dockerfile", "detector-fn/docker/install-natives.sh",
                        "detector-fn/target/avmon-detector-fn-V-lambda.jar", "detector-fn/target/image-lib/pytorch-jni-V-V.jar",
                        "detector-fn/target/image-lib/pytorch-native-cpu-V-linux-xV_V.jar"),
                staged, "the build context (versions as V)");
    }
}
