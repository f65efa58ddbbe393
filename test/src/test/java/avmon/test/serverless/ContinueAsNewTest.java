package avmon.test.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.PipelineReport;
import avmon.cli.serverless.StreamInput;
import avmon.cli.serverless.StreamOutcome;
import avmon.cli.serverless.StreamUpload;
import avmon.core.detect.DefectType;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import avmon.local.lambda.LambdaMetrics;
import avmon.local.sns.RecordingSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continue-as-new with a small threshold: a stream of five segments, two per execution, crosses three
 * executions; defects that span the execution boundaries (at 4 s and 8 s) carry their detector state across
 * and are reported once, with the right boundaries, and every segment is converted exactly once.
 */
class ContinueAsNewTest {

    @TempDir
    Path dir;

    @Test
    void longStream_crossesExecutionsWithoutLosingSegmentsOrDefects() throws Exception {
        GeneratedStream stream = new StreamGenerator().generate(StreamSpec.of("long", 9).withSize(320, 180)
                .withDuration(10)
                .with(InjectedDefect.of(DefectType.FREEZE, 3.0, 2.4), InjectedDefect.of(DefectType.SILENCE, 6.9, 2.3)),
                dir);
        try (LocalPipeline pipeline = LocalPipeline.builder().segmentsPerExecution(2).start()) {
            RecordingSubscriber subscriber = new RecordingSubscriber();
            pipeline.cloud().sns().subscribe(pipeline.topicArn(), subscriber);
            String source = new StreamUpload(pipeline.s3(), LocalPipeline.BUCKET).upload("long", stream.directory());

            StreamOutcome outcome = pipeline.executions(Duration.ofMinutes(5), line -> { })
                    .run(List.of(new StreamInput("long", source, List.of("freeze", "silence"), null))).get(0);

            assertEquals("SUCCEEDED", outcome.status(), () -> outcome.error() + " " + outcome.cause());
            assertEquals(5, stream.segments(), "the stream has five segments");
            assertEquals(3, outcome.executionArns().size(), "two segments per execution: three executions");
            assertEquals(stream.segments(), outcome.segments(), "the last execution ends at the last segment");
            // A conversion that failed transiently (S3Proxy under a loaded machine) is retried by the workflow: that
            // is not a repeat. A segment converted twice at an execution boundary would be a second success.
            LambdaMetrics converter = pipeline.cloud().lambda().metrics(LocalPipeline.CONVERTER);
            assertEquals(stream.segments(), converter.invocations() - converter.errors(),
                    () -> "every segment converted successfully once, none skipped or repeated at a boundary ("
                            + converter + ")");
            DefectMatching.assertMatchesTruth(stream.truth(),
                    DefectMatching.defectsOf("long", DefectMatching.notifications(subscriber.messages())));
            PipelineReport report = PipelineReport.measure(pipeline, List.of(outcome));
            assertEquals(report.historyTransitions(), report.billedTransitions(),
                    "transitions over all three executions, as billed and as in the histories");
        }
    }
}
