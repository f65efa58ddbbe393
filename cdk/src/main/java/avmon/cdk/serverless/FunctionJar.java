package avmon.cdk.serverless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds a function module's deployment jar, {@code <module>/target/*-lambda.jar}, which its package phase writes. */
public final class FunctionJar {

    private FunctionJar() {
    }

    /**
     * The one {@code *-lambda.jar} in {@code repoRoot/module/target}.
     *
     * @throws MissingFunctionJarException when there is none (not built yet) or more than one (stale versions)
     */
    public static Path in(Path repoRoot, String module) {
        Path target = repoRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            throw new MissingFunctionJarException(module, target, "no such folder");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(target)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
        if (jars.size() != 1) {
            throw new MissingFunctionJarException(module, target,
                    jars.isEmpty() ? "no *-lambda.jar" : "several *-lambda.jar " + jars);
        }
        return jars.get(0);
    }

    /**
     * Checks that the detector module has copied the PyTorch jars its container image is built with
     * ({@code detector-fn/target/image-lib/}).
     *
     * @throws MissingFunctionJarException when they are not there
     */
    public static void requireImageLibraries(Path repoRoot) {
        Path lib = repoRoot.resolve("detector-fn").resolve("target").resolve("image-lib");
        List<String> jars;
        try (Stream<Path> files = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
            jars = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
        for (String needed : List.of("pytorch-native-cpu-", "pytorch-jni-")) {
            if (jars.stream().noneMatch(n -> n.startsWith(needed))) {
                throw new MissingFunctionJarException("detector-fn", lib, "no " + needed + "*.jar for the container image");
            }
        }
    }

    /** Says which module to build when its jar is not where the stack looks for it. */
    public static final class MissingFunctionJarException extends IllegalStateException {
        MissingFunctionJarException(String module, Path target, String problem) {
            super(module + ": " + problem + " in " + target.toAbsolutePath().normalize()
                    + "; build it first (./mvnw -B -pl " + module + " -am package -DskipTests) or pass -c "
                    + ServerlessSettings.jarKey(module) + "=PATH");
        }
    }
}
