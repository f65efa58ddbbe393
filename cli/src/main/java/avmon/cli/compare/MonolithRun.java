package avmon.cli.compare;

import avmon.aws.sns.SnsNotifier;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.core.synth.GeneratedStream;
import avmon.local.LocalCloud;
import avmon.local.sns.RecordingSubscriber;
import avmon.monolith.metering.ResourceUsage;
import avmon.monolith.source.FfmpegOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StreamStatus;
import avmon.monolith.supervise.RetryPolicy;
import avmon.monolith.supervise.StreamSupervisor;
import avmon.monolith.supervise.SupervisorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Runs the streams through the monolith, as {@code avmon monitor} does: one supervisor, every stream at once,
 * frames in memory, defects published to an SNS topic (on the embedded cloud, as the serverless design's
 * notifier publishes them). The supervisor's meter gives CPU seconds and peak heap; the resident peak is reset
 * first so it is the monolith's own.
 */
public final class MonolithRun {

    static final String TOPIC = "avmon-monolith-defects";

    /** A failing input is tried three times, not the monitor's ten: a comparison should not wait minutes for it. */
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(2), 3);

    private final Duration timeout;

    /** @param timeout how long the streams may take before the ones still running are stopped and reported */
    public MonolithRun(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs every stream with {@code detectors} (those that fit the stream) and measures the run. */
    public MonolithResult run(List<GeneratedStream> streams, List<String> detectors, Progress progress)
            throws InterruptedException {
        long streamSeconds = Math.round(streams.stream().mapToDouble(s -> s.truth().duration()).sum());
        progress.phase("monolith", streamSeconds, "stream s");
        try (LocalCloud cloud = LocalCloud.builder().sns().start();
             SnsClient sns = SnsClient.builder().endpointOverride(cloud.snsEndpoint())
                     .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider())
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String topicArn = cloud.sns().createTopic(TOPIC, Map.of()).arn();
            RecordingSubscriber topic = new RecordingSubscriber();
            cloud.sns().subscribe(topicArn, topic);
            List<StreamSource> sources = streams.stream()
                    .map(s -> StreamSource.parse(s.truth().streamId() + "=" + s.playlist())).toList();
            SupervisorSettings settings = SupervisorSettings.DEFAULT.withWorkers(streams.size());
            settings = new SupervisorSettings(settings.workers(), settings.stallTimeout(), settings.maxLag(), RETRY);
            boolean peakReset = ResidentMemory.resetPeak();
            ResourceUsage usage;
            List<StreamStatus> ends;
            // Detectors that do not fit a stream (audio ones without audio) are left out by the supervisor itself.
            try (StreamSupervisor supervisor = new StreamSupervisor(sources,
                    DetectorSettings.DEFAULTS.detectors(detectors), new SnsNotifier(sns, topicArn),
                    new FfmpegOpener(MediaOptions.defaults()), settings)) {
                supervisor.start();
                try (ProgressPoller poller = new ProgressPoller(progress, () -> Math.round(
                        supervisor.streams().stream().mapToDouble(StreamStatus::position).sum()))) {
                    supervisor.awaitEnd(timeout);
                }
                usage = supervisor.usage();
                ends = supervisor.streams();
            }
            TopicInbox inbox = TopicInbox.of(topic);
            List<StreamResult> results = new ArrayList<>();
            for (StreamStatus s : ends) {
                String failure = failure(s);
                if (failure != null) {
                    progress.note(s.streamId() + " failed: " + failure);
                }
                results.add(new StreamResult(s.streamId(), inbox.defects(s.streamId()), failure));
            }
            long frames = ends.stream().mapToLong(StreamStatus::framesAnalysed).sum();
            return new MonolithResult(usage, peakReset, frames, results, cloud.sns().metrics());
        }
    }

    private String failure(StreamStatus s) {
        return switch (s.state()) {
            case ENDED -> null;
            case FAILED -> "FAILED " + s.lastError();
            default -> s.state() + " after " + timeout + " (still running at " + s.position() + " s)"
                    + (s.lastError() == null ? "" : ", last error " + s.lastError());
        };
    }
}
