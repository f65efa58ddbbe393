package avmon.cli.serverless;

import avmon.cli.CliErrors;
import avmon.cli.UserError;
import avmon.core.detect.DetectorSettings;
import avmon.core.evaluate.GroundTruth;
import avmon.core.notify.Notification;
import avmon.core.store.SegmentKey;
import avmon.local.sns.RecordingSubscriber;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/**
 * {@code avmon serverless start --target local|localstack|aws SOURCE...}: one workflow execution per stream,
 * followed to the end (and across the executions it continues as), with progress on standard error.
 *
 * <p>{@code local} deploys the pipeline on the embedded cloud, uploads local stream folders into its
 * bucket, and reports what the run used. {@code localstack} and {@code aws} drive a state machine deployed
 * there (by {@code cdk deploy}) through the same Step Functions API; their sources are already in the
 * frames bucket or on an allowed https host, and only what that API shows is reported.
 */
@Command(name = "start",
        mixinStandardHelpOptions = true,
        description = "Run streams through the serverless workflow, one execution per stream, and follow them to the end.")
public final class ServerlessStartCommand implements Callable<Integer> {

    /** Where the workflow runs. */
    public enum Target { local, localstack, aws }

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--target", defaultValue = "local", description = "local (default), localstack or aws")
    Target target;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = {
        "local: stream folders holding index.m3u8 (as avmon generate writes them);",
        "localstack/aws: s3://BUCKET/streams/ID/index.m3u8 or https:// playlist URLs"})
    List<String> sources;

    @Option(names = "--state-machine-arn", paramLabel = "ARN", description = "localstack/aws: the deployed workflow")
    String stateMachineArn;

    @Option(names = "--endpoint", paramLabel = "URL", description = "localstack: its endpoint (e.g. http://localhost:4566)")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "localstack/aws: the region (default: the SDK's)")
    String region;

    @Option(names = "--segments-per-execution", paramLabel = "N",
            description = "segments one execution handles before it continues as new (default: the workflow's)")
    Integer segmentsPerExecution;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME",
            description = {"detectors to run (default: local, the classical ones that fit the stream;",
                "localstack/aws, the ones the deployed detector function runs);",
                "corruption_model deploys the detector with the model (local), or needs cdk -c corruptionModel=true (aws)"})
    List<String> detectors;

    @Option(names = "--stream-timeout", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "stop a stream still running after this long (ISO-8601, default PT30M)")
    Duration streamTimeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return target == Target.local ? runLocal(err) : runRemote(err);
    }

    private int runLocal(PrintWriter err) throws Exception {
        LocalPipeline.Builder builder = LocalPipeline.builder();
        if (segmentsPerExecution != null) {
            builder.segmentsPerExecution(segmentsPerExecution);
        }
        if (detectors != null && detectors.stream().anyMatch(DetectorSettings.MODEL_NAMES::contains)) {
            builder.corruptionModel();
        }
        List<Path> folders = sources.stream().map(ServerlessStartCommand::streamFolder).toList();
        try (LocalPipeline pipeline = builder.start()) {
            RecordingSubscriber notifications = new RecordingSubscriber();
            pipeline.cloud().sns().subscribe(pipeline.topicArn(), notifications);
            StreamUpload upload = new StreamUpload(pipeline.s3(), LocalPipeline.BUCKET);
            List<StreamInput> streams = new ArrayList<>();
            for (Path folder : folders) {
                String id = streamId(folder.getFileName().toString());
                String source = upload.upload(id, folder);
                err.println(id + ": uploaded to " + source);
                streams.add(new StreamInput(id, source, detectorsFor(folder), null));
            }
            err.flush();
            List<StreamOutcome> outcomes = pipeline.executions(streamTimeout, line -> progress(err, line)).run(streams);
            PrintWriter out = spec.commandLine().getOut();
            printNotifications(out, notifications.messages());
            PipelineReport.measure(pipeline, outcomes).print(out);
            return outcomes.stream().allMatch(StreamOutcome::succeeded) ? 0 : CliErrors.INPUT_FAILED;
        }
    }

    private int runRemote(PrintWriter err) throws Exception {
        if (stateMachineArn == null) {
            throw new UserError("--target " + target + " needs --state-machine-arn (the workflow cdk deploy created)", 2);
        }
        if (target == Target.localstack && endpoint == null) {
            throw new UserError("--target localstack needs --endpoint, e.g. http://localhost:4566", 2);
        }
        List<StreamInput> streams = new ArrayList<>();
        for (String source : sources) {
            if (!source.startsWith("s3://") && !source.startsWith("https://")) {
                throw new UserError("--target " + target + " takes s3:// or https:// sources, not " + source, 2);
            }
            // Without --detectors, the execution runs what the deployed detector function runs (the workflow's default).
            streams.add(new StreamInput(streamId(idFromUrl(source)), source, detectors, segmentsPerExecution));
        }
        SfnClientBuilder client = SfnClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (region != null) {
            client.region(Region.of(region));
        }
        if (endpoint != null) {
            client.endpointOverride(endpoint);
        }
        try (SfnClient sfn = client.build()) {
            List<StreamOutcome> outcomes = new StreamExecutions(sfn, stateMachineArn, Duration.ofSeconds(2),
                    streamTimeout, line -> progress(err, line)).run(streams);
            PrintWriter out = spec.commandLine().getOut();
            for (StreamOutcome o : outcomes) {
                out.printf("%-24s %-9s %s segments, %d execution(s), %d transitions from the histories%s%n",
                        o.streamId(), o.status(), o.segments() == null ? "-" : o.segments(), o.executionArns().size(),
                        o.historyTransitions(), o.error() == null ? "" : ", " + o.error() + ": " + o.cause());
            }
            out.flush();
            return outcomes.stream().allMatch(StreamOutcome::succeeded) ? 0 : CliErrors.INPUT_FAILED;
        }
    }

    /** What the topic's subscriber received, one line each. */
    private static void printNotifications(PrintWriter out, List<String> messages) throws IOException {
        out.println("Notifications on the topic");
        for (String message : messages) {
            Notification n = JSON.readValue(message, Notification.class);
            out.println(n.kind() == Notification.Kind.DEFECT
                    ? String.format(java.util.Locale.ROOT, "  %-24s %-16s %8.3f - %s", n.streamId(),
                            n.defect().type().jsonName(), n.defect().start(),
                            n.defect().end() == null ? "end" : String.format(java.util.Locale.ROOT, "%.3f", n.defect().end()))
                    : String.format("  %-24s failed: %s: %s", n.streamId(), n.error(), n.message()));
        }
    }

    private List<String> detectorsFor(Path folder) throws IOException {
        if (detectors != null) {
            return detectors;
        }
        Path truthFile = folder.resolve("truth.json");
        if (!Files.isRegularFile(truthFile)) {
            return DetectorSettings.NAMES;
        }
        GroundTruth truth = JSON.readValue(truthFile.toFile(), GroundTruth.class);
        return DetectorSettings.applicable(DetectorSettings.DEFAULTS.detectors(), truth.hasVideo(), truth.hasAudio())
                .stream().map(d -> d.name()).toList();
    }

    private static Path streamFolder(String source) {
        Path path = Path.of(source);
        Path folder = Files.isRegularFile(path) && source.endsWith(".m3u8") ? path.toAbsolutePath().getParent() : path;
        if (!Files.isRegularFile(folder.resolve(StreamUpload.PLAYLIST))) {
            throw new UserError("--target local takes stream folders holding " + StreamUpload.PLAYLIST + ": " + source);
        }
        return folder;
    }

    /** {@code s3://b/streams/cam-1/index.m3u8} is stream {@code cam-1}: the folder holding the playlist. */
    private static String idFromUrl(String source) {
        String path = URI.create(source).getPath();
        String[] parts = path == null ? new String[0] : path.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }

    private static String streamId(String candidate) {
        try {
            return SegmentKey.requireValidStreamId(candidate);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void progress(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
