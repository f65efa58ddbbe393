package avmon.cdk.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cdk.context.ContextValues;
import avmon.cdk.context.InvalidContextException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.services.logs.RetentionDays;

class ServerlessSettingsTest {

    @TempDir
    Path repo;

    private ServerlessSettings from(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(Map.of("repoRoot", repo.toString()));
        all.putAll(values);
        return ServerlessSettings.from(new ContextValues(new App(AppProps.builder().context(all).build()).getNode()));
    }

    private void builtJars() throws Exception {
        for (String m : new String[] {"converter-fn", "detector-fn", "notifier-fn"}) {
            Files.createDirectories(repo.resolve(m).resolve("target"));
            Files.writeString(repo.resolve(m).resolve("target").resolve("avmon-" + m + "-1-lambda.jar"), "jar");
        }
    }

    @Test
    void from_jarsNotBuilt_saysWhichModuleToBuild() {
        FunctionJar.MissingFunctionJarException e = assertThrows(FunctionJar.MissingFunctionJarException.class,
                () -> from(Map.of()));
        assertTrue(e.getMessage().contains("converter-fn") && e.getMessage().contains("package"), e.getMessage());
    }

    @Test
    void from_twoJarsInTarget_refusedAsAmbiguous() throws Exception {
        builtJars();
        Files.writeString(repo.resolve("detector-fn/target/avmon-detector-fn-0-lambda.jar"), "old");
        FunctionJar.MissingFunctionJarException e = assertThrows(FunctionJar.MissingFunctionJarException.class,
                () -> from(Map.of()));
        assertTrue(e.getMessage().contains("several"), e.getMessage());
    }

    @Test
    void from_corruptionModelWithoutThePyTorchJars_saysWhatToBuild() throws Exception {
        builtJars();
        FunctionJar.MissingFunctionJarException e = assertThrows(FunctionJar.MissingFunctionJarException.class,
                () -> from(Map.of("corruptionModel", true)), "the image needs detector-fn/target/image-lib");
        assertTrue(e.getMessage().contains("pytorch-native-cpu-") && e.getMessage().contains("image-lib"), e.getMessage());
        Files.createDirectories(repo.resolve("detector-fn/target/image-lib"));
        Files.writeString(repo.resolve("detector-fn/target/image-lib/pytorch-native-cpu-2-linux-x86_64.jar"), "jar");
        Files.writeString(repo.resolve("detector-fn/target/image-lib/pytorch-jni-2-0.jar"), "jar");
        ServerlessSettings s = from(Map.of("corruptionModel", true));
        assertTrue(s.corruptionModel(), "with both jars, the model's deployment");
        assertEquals(repo, s.repoRoot(), "the image's build context");
    }

    @Test
    void from_memoryFromContext_overridesMeasuredDefault() throws Exception {
        builtJars();
        ServerlessSettings s = from(Map.of("detectorMemoryMb", "2048", "logRetentionDays", 30));
        assertEquals(2048, s.detector().memoryMb(), "detector memory");
        assertEquals(ServerlessSettings.CONVERTER_DEFAULT, s.converter(), "converter unchanged");
        assertEquals(RetentionDays.ONE_MONTH, s.logRetention(), "retention");
    }

    @Test
    void from_badValues_refusedWithTheKey() throws Exception {
        builtJars();
        assertThrows(InvalidContextException.class, () -> from(Map.of("logRetentionDays", 10)), "not a CloudWatch period");
        assertThrows(InvalidContextException.class, () -> from(Map.of("converterMemoryMb", 64)), "below Lambda's minimum");
        assertThrows(InvalidContextException.class, () -> from(Map.of("sourcesPrefix", "frames/")), "would overlap frames");
        assertThrows(InvalidContextException.class, () -> from(Map.of("sourcesPrefix", "streams")), "no trailing slash");
        assertThrows(InvalidContextException.class, () -> from(Map.of("thumbnailSize", "big")), "not WxH");
        assertThrows(InvalidContextException.class, () -> from(Map.of("allowedHttpsHosts", "a.com,http://b.com")), "URL, not host");
        assertThrows(InvalidContextException.class, () -> from(Map.of("workflowLogLevel", "DEBUG")), "no such level");
    }
}
