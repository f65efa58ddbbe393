package avmon.cdk.serverless;

import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.lambda.AssetImageCodeProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Handler;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * How a function's code reaches Lambda: a deployment jar on the java21 runtime (a zip package, at most 250 MB
 * unzipped), or a container image (up to 10 GB) that carries its own runtime and names its handler itself.
 *
 * @param code    the asset
 * @param runtime {@link Runtime#JAVA_21}, or {@link Runtime#FROM_IMAGE}
 * @param handler the handler class, or {@link Handler#FROM_IMAGE}
 */
public record FunctionCode(Code code, Runtime runtime, String handler) {

    /** The detector image's Dockerfile, relative to the repository root. */
    public static final String DETECTOR_DOCKERFILE = "detector-fn/docker/Dockerfile";

    /**
     * The detector image's build context keeps these files of the repository and nothing else: the Dockerfile's
     * folder, the lambda jar and the PyTorch jars the detector module copies beside it.
     */
    static final List<String> DETECTOR_IMAGE_CONTEXT = List.of("*", "!detector-fn/docker/*",
            "!detector-fn/target/*-lambda.jar", "!detector-fn/target/image-lib/*.jar");

    /** The handler class from {@code jar}, on java21. */
    public static FunctionCode jar(String handler, Path jar) {
        return new FunctionCode(Code.fromAsset(jar.toString()), Runtime.JAVA_21, handler);
    }

    /**
     * The detector's container image, built by {@code cdk deploy} from {@value #DETECTOR_DOCKERFILE} (synth only
     * stages its build context).
     */
    public static FunctionCode detectorImage(Path repoRoot) {
        return new FunctionCode(Code.fromAssetImage(repoRoot.toString(), AssetImageCodeProps.builder()
                .file(DETECTOR_DOCKERFILE)
                .exclude(DETECTOR_IMAGE_CONTEXT)
                .ignoreMode(IgnoreMode.DOCKER)
                .platform(Platform.LINUX_AMD64)
                .build()), Runtime.FROM_IMAGE, Handler.FROM_IMAGE);
    }
}
