package avmon.cdk.serverless;

import avmon.cdk.context.ContextValues;
import avmon.cdk.context.InvalidContextException;
import avmon.statemachine.StreamWorkflow;
import avmon.core.detect.DetectorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.LogLevel;

/**
 * The serverless stack's parameters, from CDK context with defaults ({@code -c key=value}).
 *
 * @param converterJar         the converter's deployment jar ({@code converterJar})
 * @param detectorJar          the detector's ({@code detectorJar})
 * @param notifierJar          the notifier's ({@code notifierJar})
 * @param converter            converter memory ({@code converterMemoryMb}), timeout, /tmp
 * @param detector             detector memory ({@code detectorMemoryMb}), timeout, /tmp
 * @param notifier             notifier memory ({@code notifierMemoryMb}), timeout, /tmp
 * @param framesExpiryDays     days before frames and audio expire ({@code framesExpiryDays}, default 1)
 * @param logRetention         how long function and workflow logs stay ({@code logRetentionDays}, default 14)
 * @param sourcesPrefix        where in the frames bucket s3:// streams go ({@code sourcesPrefix}, default streams/)
 * @param allowedHttpsHosts    hosts https:// sources may name ({@code allowedHttpsHosts}, default none)
 * @param segmentsPerExecution segments before an execution continues as new ({@code segmentsPerExecution})
 * @param thumbnailSize        analysis frame size ({@code thumbnailSize}, default 160x90)
 * @param alarmEmail           an address subscribed to the alarms topic ({@code alarmEmail}), or {@code null}
 * @param workflowLogLevel     what the state machine logs ({@code workflowLogLevel}, default ERROR)
 * @param corruptionModel      the detector also runs the block-corruption model ({@code corruptionModel}, default
 *                             false): deployed as a container image, with frames at the model's input size
 * @param repoRoot             the repository ({@code repoRoot}, default ..): the detector image's build context
 */
public record ServerlessSettings(Path converterJar, Path detectorJar, Path notifierJar, FunctionSize converter,
                                 FunctionSize detector, FunctionSize notifier, int framesExpiryDays,
                                 RetentionDays logRetention, String sourcesPrefix, List<String> allowedHttpsHosts,
                                 int segmentsPerExecution, String thumbnailSize, String alarmEmail,
                                 LogLevel workflowLogLevel, boolean corruptionModel, Path repoRoot) {

    /*
     * Sizes. Measured with `./avmon serverless start` on the generated small suite (README, "Sizing the
     * functions"), on a 2-core machine shared with other builds (load average 15 to 21), so durations are upper
     * bounds:
     *   - the whole local pipeline (S3, Step Functions, the three functions, two streams at once) ran in a
     *     128 MB heap (-Xmx128m), peak resident memory 309 MB; one stream 403 MB with the default heap;
     *   - average billed duration, one cold start in four to eight: converter 3.4 to 7.4 s per segment,
     *     detector 0.9 to 2.9 s per detector and segment, notifier 1.1 to 1.5 s;
     *   - FFmpeg's natives unpack to 53 MB; the function jars are 100 MB (converter, detector) and 34 MB
     *     (notifier) unzipped.
     * So memory is not what limits any of them: 512 MB holds each. Lambda gives CPU in proportion to memory
     * (1,769 MB is one vCPU), and only the converter is CPU-bound (decode, PNG encode): 1,024 MB (0.58 vCPU)
     * for it; the detector mostly waits on S3 GETs: 512 MB; the notifier makes one SNS call: 256 MB. These are
     * the sizes the local Lambda host bills its GB-seconds at (LocalPipeline.FunctionSize), so the measured
     * comparison and a deployment pay for the same configuration; a test keeps them equal. Timeouts are about
     * eight times the slowest average above. /tmp: 512 MB (the included size) holds the natives and a segment.
     */
    static final FunctionSize CONVERTER_DEFAULT = new FunctionSize(1024, Duration.ofSeconds(60), 512);
    static final FunctionSize DETECTOR_DEFAULT = new FunctionSize(512, Duration.ofSeconds(30), 512);
    static final FunctionSize NOTIFIER_DEFAULT = new FunctionSize(256, Duration.ofSeconds(10), 512);

    /*
     * The detector as a container image with the corruption model (docs/corruption-model.md, "Deployment"). Measured
     * here: the JVM that has loaded PyTorch and the model holds 192 MB resident; `avmon detect --detectors
     * corruption_model --thumb 320x180` over a 720p stream, decoding included, peaks at 384 MB. So 1,024 MB holds it
     * with room to spare, and gives 0.58 vCPU for the model's 1.5 ms of CPU per picture (0.08 s a segment on one
     * core) and the PNG reads. `./avmon serverless start --detectors corruption_model` on a 4-segment 720p stream:
     * 0.70 s billed per invocation on average. /tmp: nothing goes there (the natives are in the image). Timeout:
     * 60 s, not the zip detector's 30, for the cold start this could not measure: loading 431 MiB of natives from
     * a freshly pulled image; an INIT phase over Lambda's 10 s is run again inside the first invocation's timeout.
     */
    static final FunctionSize DETECTOR_IMAGE_DEFAULT = new FunctionSize(1024, Duration.ofSeconds(60), 512);

    /** Retention periods CloudWatch Logs accepts (a subset), by days. */
    private static final Map<Integer, RetentionDays> RETENTION = Map.of(1, RetentionDays.ONE_DAY, 3,
            RetentionDays.THREE_DAYS, 5, RetentionDays.FIVE_DAYS, 7, RetentionDays.ONE_WEEK, 14,
            RetentionDays.TWO_WEEKS, 30, RetentionDays.ONE_MONTH, 60, RetentionDays.TWO_MONTHS, 90,
            RetentionDays.THREE_MONTHS, 180, RetentionDays.SIX_MONTHS, 365, RetentionDays.ONE_YEAR);

    private static final Pattern SIZE = Pattern.compile("(\\d{2,4})x(\\d{2,4})");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*/");
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*");

    /** The context key of a function module's jar path: converter-fn becomes converterJar. */
    static String jarKey(String module) {
        return module.substring(0, module.indexOf('-')) + "Jar";
    }

    /**
     * Reads the settings.
     *
     * @throws InvalidContextException naming the first value that cannot be used
     */
    public static ServerlessSettings from(ContextValues context) {
        Path root = Path.of(context.text("repoRoot", ".."));
        String prefix = context.text("sourcesPrefix", "streams/");
        if (!PREFIX.matcher(prefix).matches() || prefix.startsWith("frames/")) {
            throw new InvalidContextException("sourcesPrefix", prefix,
                    "expected a key prefix ending in '/', such as streams/, outside frames/");
        }
        boolean model = context.flag("corruptionModel", false);
        String thumbnail = thumbnailSize(context, model);
        List<String> hosts = context.list("allowedHttpsHosts", List.of());
        for (String host : hosts) {
            if (!HOST.matcher(host).matches()) {
                throw new InvalidContextException("allowedHttpsHosts", host, "expected host names or *.domain patterns");
            }
        }
        int retentionDays = context.integer("logRetentionDays", 14, 1, 365);
        RetentionDays retention = RETENTION.get(retentionDays);
        if (retention == null) {
            throw new InvalidContextException("logRetentionDays", retentionDays, "expected one of " + RETENTION.keySet());
        }
        String level = context.text("workflowLogLevel", "ERROR");
        LogLevel logLevel;
        try {
            logLevel = LogLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new InvalidContextException("workflowLogLevel", level, "expected ALL, ERROR, FATAL or OFF");
        }
        return new ServerlessSettings(
                jar(context, root, "converter-fn"), model ? imageJars(context, root) : jar(context, root, "detector-fn"),
                jar(context, root, "notifier-fn"),
                size(context, "converter", CONVERTER_DEFAULT),
                size(context, "detector", model ? DETECTOR_IMAGE_DEFAULT : DETECTOR_DEFAULT),
                size(context, "notifier", NOTIFIER_DEFAULT),
                context.integer("framesExpiryDays", 1, 1, 3650), retention, prefix, hosts,
                context.integer("segmentsPerExecution", StreamWorkflow.DEFAULT_SEGMENTS_PER_EXECUTION, 1, 10_000),
                thumbnail, context.text("alarmEmail", null), logLevel, model, root);
    }

    /**
     * The image is built from what the detector module's package phase writes (its jar and the PyTorch jars beside
     * it), not from a jar given elsewhere.
     */
    private static Path imageJars(ContextValues context, Path root) {
        String given = context.text(jarKey("detector-fn"), null);
        if (given != null) {
            throw new InvalidContextException(jarKey("detector-fn"), given, "corruptionModel=true builds the detector "
                    + "image from detector-fn/target; leave " + jarKey("detector-fn") + " out");
        }
        FunctionJar.requireImageLibraries(root);
        return FunctionJar.in(root, "detector-fn");
    }

    /** The detectors the detector function runs: the classical ones, and the model's when it is deployed. */
    public List<String> detectors() {
        List<String> names = new ArrayList<>(DetectorSettings.NAMES);
        if (corruptionModel) {
            names.addAll(DetectorSettings.MODEL_NAMES);
        }
        return List.copyOf(names);
    }

    /**
     * The analysis frame size: 160x90 unless set, and with the model at least its input size (it refuses smaller
     * pictures), which is also the default then.
     */
    private static String thumbnailSize(ContextValues context, boolean model) {
        ModelInput input = model ? ModelInput.committed() : null;
        String thumbnail = context.text("thumbnailSize", model ? input.size() : "160x90");
        Matcher m = SIZE.matcher(thumbnail);
        if (!m.matches()) {
            throw new InvalidContextException("thumbnailSize", thumbnail, "expected WIDTHxHEIGHT, such as 160x90");
        }
        if (model && (Integer.parseInt(m.group(1)) < input.width() || Integer.parseInt(m.group(2)) < input.height())) {
            throw new InvalidContextException("thumbnailSize", thumbnail, "corruptionModel=true needs frames of at "
                    + "least the model's input, " + input.size());
        }
        return thumbnail;
    }

    private static Path jar(ContextValues context, Path root, String module) {
        String given = context.text(jarKey(module), null);
        return given != null ? Path.of(given) : FunctionJar.in(root, module);
    }

    private static FunctionSize size(ContextValues context, String function, FunctionSize fallback) {
        return new FunctionSize(context.integer(function + "MemoryMb", fallback.memoryMb(), 128, 10_240),
                fallback.timeout(), context.integer(function + "StorageMb", fallback.ephemeralStorageMb(), 512, 10_240));
    }
}
