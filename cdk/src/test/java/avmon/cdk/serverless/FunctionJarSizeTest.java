package avmon.cdk.serverless;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each function's deployment jar fits Lambda's limit for a zip-deployed function: 250 MB unzipped. A jar over it
 * (a model's native libraries, say) cannot be deployed this way; a container-image function can.
 */
class FunctionJarSizeTest {

    static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"converter-fn", "detector-fn", "notifier-fn"})
    void lambdaJar_built_unzippedUnderLambdasLimit(String module) throws IOException {
        Path jar = FunctionJar.in(Path.of(".."), module);
        long unzipped = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                unzipped += e.nextElement().getSize();
            }
        }
        assertTrue(unzipped < LAMBDA_UNZIPPED_LIMIT, module + ": " + unzipped / (1024 * 1024)
                + " MB unzipped, over Lambda's 250 MB for a zip deployment (deploy it as a container image)");
    }
}
