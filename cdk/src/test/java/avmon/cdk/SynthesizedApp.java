package avmon.cdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    static Path tempDir() {
        try {
            return Files.createTempDirectory("avmon-cdk-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
