package avmon.cli.compare;

import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.PipelineReport;
import avmon.cli.serverless.StreamExecutions;
import avmon.cli.serverless.StreamInput;
import avmon.cli.serverless.StreamOutcome;
import avmon.cli.serverless.StreamUpload;
import avmon.core.synth.GeneratedStream;
import avmon.local.sns.RecordingSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs the streams through the serverless design on the embedded local cloud, as {@code avmon serverless
 * start} does: deploys the pipeline, uploads each stream into the bucket, starts one execution per stream and
 * follows it to the end, then measures what the run used and reads what the topic delivered.
 */
public final class ServerlessRun {

    private final UnaryOperator<LocalPipeline.Builder> deployment;
    private final Duration streamTimeout;

    /**
     * @param deployment    how the pipeline is deployed (tests swap a function for one that fails)
     * @param streamTimeout how long one stream may run before it is stopped and reported as failed
     */
    public ServerlessRun(UnaryOperator<LocalPipeline.Builder> deployment, Duration streamTimeout) {
        this.deployment = deployment;
        this.streamTimeout = streamTimeout;
    }

    /** Runs every stream with {@code detectors} (those that fit the stream) and measures the run. */
    public ServerlessResult run(List<GeneratedStream> streams, List<String> detectors, Progress progress)
            throws InterruptedException {
        long segments = streams.stream().mapToLong(GeneratedStream::segments).sum();
        progress.phase("serverless", segments, "segments");
        try (LocalPipeline pipeline = deployment.apply(LocalPipeline.builder()).start()) {
            RecordingSubscriber topic = new RecordingSubscriber();
            pipeline.cloud().sns().subscribe(pipeline.topicArn(), topic);
            StreamUpload upload = new StreamUpload(pipeline.s3(), LocalPipeline.BUCKET);
            List<StreamInput> inputs = new ArrayList<>();
            for (GeneratedStream s : streams) {
                String id = s.truth().streamId();
                inputs.add(new StreamInput(id, upload.upload(id, s.directory()),
                        StreamDetectors.applicable(detectors, s.truth()), null));
            }
            long start = System.nanoTime();
            List<StreamOutcome> outcomes;
            // An execution's end line carries the whole error document; the failure is noted in short below.
            StreamExecutions executions = pipeline.executions(streamTimeout,
                    line -> progress.note(line.length() > 160 ? line.substring(0, 157) + "..." : line));
            try (ProgressPoller poller = new ProgressPoller(progress,
                    () -> pipeline.cloud().lambda().metrics(LocalPipeline.CONVERTER).invocations())) {
                outcomes = executions.run(inputs);
            }
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            PipelineReport report = PipelineReport.measure(pipeline, outcomes);
            ConverterWrites writes = ConverterWrites.count(pipeline.sfn(), pipeline.s3(), outcomes);
            TopicInbox inbox = TopicInbox.of(topic);
            List<StreamResult> results = new ArrayList<>();
            for (StreamOutcome o : outcomes) {
                String failure = o.succeeded() ? null : failure(o, inbox);
                if (failure != null) {
                    progress.note(o.streamId() + " failed: " + failure);
                }
                results.add(new StreamResult(o.streamId(), inbox.defects(o.streamId()), failure));
            }
            return new ServerlessResult(report, writes, results, wallSeconds);
        }
    }

    /** The execution's own error, with the failure notification's words when the notifier got that far. */
    private static String failure(StreamOutcome o, TopicInbox inbox) {
        String notified = inbox.failure(o.streamId());
        return o.status() + " " + (notified != null ? notified
                : o.error() + ": " + StreamExecutions.causeMessage(o.cause()));
    }
}
