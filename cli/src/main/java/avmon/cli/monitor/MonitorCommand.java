package avmon.cli.monitor;

import avmon.cli.UserError;
import avmon.cli.detect.DetectorOptions;
import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.CorruptionModelDetector;
import avmon.core.corruption.ModelDescription;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.core.notify.Notifier;
import avmon.monolith.shard.Shard;
import avmon.monolith.source.MediaOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StatusServer;
import avmon.monolith.status.StreamStatus;
import avmon.monolith.supervise.RetryPolicy;
import avmon.monolith.supervise.StreamSupervisor;
import avmon.monolith.supervise.SupervisorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avmon monitor}: the monolith in the foreground. Monitors every source (this shard's share of
 * them) at once, shows a live view of the streams and the defects as they come, and ends when every input
 * has ended or on Ctrl-C, with a summary and what the run cost per stream-hour.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Monitor streams live: many at once in this process, defects as they are found.",
            "SOURCE is a local file or playlist, an HTTP(S) URL or an s3://bucket/key playlist (a live playlist "
                    + "is followed as it grows), optionally named as ID=SOURCE; otherwise the id comes from the file or "
                    + "playlist name. S3 and SNS use the default AWS credentials and region (AWS_ACCESS_KEY_ID, AWS_REGION, ...)."})
public final class MonitorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Inputs: PATH, URL, s3://BUCKET/KEY, or ID=SOURCE.")
    List<String> sources;

    @Option(names = "--shard", paramLabel = "I/N", description = "Monitor only this shard's share of the streams (rendezvous hashing of the ids).")
    String shard;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME",
            description = {"Detectors to run (default: the classical ones): freeze, black, silence, av_sync, decoder_errors;",
                "corruption_model (the trained block-corruption model: loaded once per process, one predictor per worker)."})
    List<String> detectorNames;

    @Option(names = "--notify", paramLabel = "TARGET", defaultValue = "stdout",
            description = "Where notifications go: stdout (default), jsonl:FILE or sns:TOPIC_ARN; they also show in the live view.")
    String notify;

    @Option(names = "--status-port", paramLabel = "PORT", description = "Serve /health, /streams and /metrics on this port (0: any free one).")
    Integer statusPort;

    @Option(names = "--status-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the status endpoint binds to (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String statusHost;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "16",
            description = "Streams analysed at once; more wait their turn (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Input loss after this long without a sample (default: ${DEFAULT-VALUE}).")
    double stallTimeout;

    @Option(names = "--max-lag", paramLabel = "SECONDS", defaultValue = "10",
            description = "A live stream further behind than this says BEHIND (default: ${DEFAULT-VALUE}).")
    double maxLag;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "10",
            description = "Give a lost input up after N failed attempts in a row, 0 never (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--realtime", description = "Play local files at real time, as if they were live.")
    boolean realtime;

    @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "1",
            description = "How often the live view is redrawn (default: ${DEFAULT-VALUE}).")
    double refresh;

    @Option(names = "--plain", description = "Plain lines even on a terminal (no redrawn table).")
    boolean plain;

    @Mixin
    DetectorOptions thresholds;

    @Mixin
    AwsOptions aws;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<StreamSource> mine = selectSources();
        List<Detector<?>> detectors = detectors();
        SupervisorSettings settings = settings();
        NotifyTarget target = NotifyTarget.parse(notify);
        aws.validate();
        if (mine.isEmpty()) {
            header(out, mine, detectors, settings);
            out.println("nothing to monitor on this shard");
            return 0;
        }
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            // Topic and playlists are checked before anything starts: a typo is one error, not a failed run.
            Notifier sent = target.open(resources, aws);
            boolean audio = detectors.stream().anyMatch(Detector::usesAudio);
            MediaOpener opener = SourceOpeners.forSources(mine, mediaOptions(detectors, audio), aws, resources);
            header(out, mine, detectors, settings);
            return run(mine, detectors, settings, opener, sent, out);
        } finally {
            for (AutoCloseable r : resources) {
                r.close();
            }
        }
    }

    /**
     * Thumbnails at the default size, or at the corruption model's input size when it runs: it refuses smaller
     * pictures, and the model is already loaded (once, for the process) by the time its detector exists.
     */
    private static MediaOptions mediaOptions(List<Detector<?>> detectors, boolean audio) {
        MediaOptions options = MediaOptions.defaults().withAudio(audio);
        if (detectors.stream().anyMatch(d -> d.name().equals(CorruptionModelDetector.NAME))) {
            ModelDescription model = CorruptionModel.shared().description();
            options = options.withThumbnailSize(model.inputWidth(), model.inputHeight());
        }
        return options;
    }

    private void header(PrintWriter out, List<StreamSource> mine, List<Detector<?>> detectors,
                        SupervisorSettings settings) {
        out.printf("avmon monitor: %d stream%s%s, detectors %s, %d workers%n", mine.size(), mine.size() == 1 ? "" : "s",
                shard == null ? "" : " (shard " + shard + " of " + sources.size() + " sources)",
                detectors.stream().map(Detector::name).toList(), settings.workers());
        out.flush();
    }

    private int run(List<StreamSource> mine, List<Detector<?>> detectors, SupervisorSettings settings,
                    MediaOpener opener, Notifier sent, PrintWriter out) throws Exception {
        // System.console() is null unless both ends are a terminal: pipes, files and tests get plain lines.
        LiveView view = new LiveView(out, !plain && System.console() != null);
        Notifier notifier = n -> {
            view.notification(n);
            if (sent != null) {
                sent.send(n);
            }
        };
        StreamSupervisor supervisor = new StreamSupervisor(mine, detectors, notifier, opener, settings);
        StatusServer status = startStatus(supervisor, out);
        Thread hook = new Thread(this::stopOnSignal, "avmon-monitor-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            supervisor.start();
            long refreshNanos = (long) (Math.max(0.05, refresh) * 1e9);
            while (!supervisor.awaitEnd(Duration.ofNanos(refreshNanos)) && stopRequested.getCount() > 0) {
                view.refresh(supervisor.streams());
            }
            view.refresh(supervisor.streams());
            supervisor.close();
            if (status != null) {
                status.close();
            }
            summary(supervisor, out);
            boolean failed = supervisor.streams().stream().anyMatch(s -> s.state() == StreamStatus.State.FAILED);
            return failed ? avmon.cli.CliErrors.INPUT_FAILED : 0;
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
    }

    /** Ctrl-C: ask the main loop to stop, and give it a moment to shut down and print its summary. */
    private void stopOnSignal() {
        stopRequested.countDown();
        try {
            stopped.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down (Ctrl-C): the hook is running, nothing to remove.
        }
    }

    private StatusServer startStatus(StreamSupervisor supervisor, PrintWriter out) {
        if (statusPort == null) {
            return null;
        }
        try {
            StatusServer server = new StatusServer(statusHost, statusPort, supervisor);
            out.println("status: " + server.uri() + "/health, /streams, /metrics");
            return server;
        } catch (IOException e) {
            throw new UserError("--status-port " + statusPort + ": cannot listen on " + statusHost + ": " + e.getMessage());
        }
    }

    private void summary(StreamSupervisor supervisor, PrintWriter out) {
        out.println();
        out.println(stopRequested.getCount() == 0 ? "stopped; summary:" : "all inputs done; summary:");
        LiveView.table(supervisor.streams()).forEach(out::println);
        supervisor.streams().stream().filter(s -> s.state() == StreamStatus.State.FAILED)
                .forEach(s -> out.println(s.streamId() + ": " + s.lastError()));
        out.print(supervisor.usage().describe());
        out.flush();
    }

    private List<StreamSource> selectSources() {
        List<StreamSource> all;
        Shard share;
        try {
            all = StreamSource.parseAll(sources);
            share = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
        return all.stream()
                .filter(s -> share.owns(s.id()))
                .map(s -> realtime && s.kind() == StreamSource.Kind.FILE ? s.asLive() : s)
                .toList();
    }

    private List<Detector<?>> detectors() {
        DetectorSettings settings = thresholds.settings();
        try {
            return detectorNames == null ? settings.detectors() : settings.detectors(detectorNames);
        } catch (IllegalArgumentException e) {
            throw new UserError("--detectors: " + e.getMessage(), 2);
        }
    }

    private SupervisorSettings settings() {
        try {
            RetryPolicy retry = new RetryPolicy(RetryPolicy.DEFAULT.initialDelay(), RetryPolicy.DEFAULT.maxDelay(), retries);
            return new SupervisorSettings(workers, seconds(stallTimeout), seconds(maxLag), retry);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
