package avmon.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * The app with its default context, synthesized once for every test class in the JVM (a synth costs seconds).
 * Assets are not staged: the tests read the templates, and copying the function jars would only cost time.
 */
public final class SynthesizedApp {

    private static SynthesizedApp instance;

    private final AvmonApp.Stacks stacks;
    private final Template serverless;
    private final Template monolith;
    private final Annotations serverlessAnnotations;
    private final Annotations monolithAnnotations;

    private SynthesizedApp() {
        App app = new App(AppProps.builder()
                .outdir(tempDir().toString())
                .context(Map.of("aws:cdk:disable-asset-staging", true))
                .build());
        this.stacks = AvmonApp.build(app);
        this.serverless = Template.fromStack(stacks.serverless());
        this.monolith = Template.fromStack(stacks.monolith());
        this.serverlessAnnotations = Annotations.fromStack(stacks.serverless());
        this.monolithAnnotations = Annotations.fromStack(stacks.monolith());
    }

    /** The shared synthesis. */
    public static synchronized SynthesizedApp get() {
        if (instance == null) {
            instance = new SynthesizedApp();
        }
        return instance;
    }

    /**
     * A folder for the synthesis. Every test class of the JVM shares it, so no test can delete it when it
     * is done; the JVM does, as it exits.
     */
    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("avmon-cdk-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete " + dir));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete the synthesis folder " + dir + ": " + e);
        }
    }

    public AvmonApp.Stacks stacks() {
        return stacks;
    }

    public Template serverless() {
        return serverless;
    }

    public Template monolith() {
        return monolith;
    }

    public Annotations serverlessAnnotations() {
        return serverlessAnnotations;
    }

    public Annotations monolithAnnotations() {
        return monolithAnnotations;
    }
}
