package avmon.test.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.PipelineReport;
import avmon.cli.serverless.StreamExecutions;
import avmon.cli.serverless.StreamInput;
import avmon.cli.serverless.StreamOutcome;
import avmon.cli.serverless.StreamUpload;
import avmon.core.notify.Notification;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import avmon.fn.converter.ConverterHandler;
import avmon.fn.detector.DetectorHandler;
import avmon.local.sns.RecordingSubscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Bad input through the whole workflow: each case ends in a failed execution with a typed error, and a
 * failure notification on SNS that names the stream and the reason; none is left running. Sources outside
 * the policy are refused before anything is fetched.
 */
class ServerlessFailuresTest {

    private static final String ERRORS = "avmon.aws.lambda.error.";
    private static final List<String> DETECTORS = List.of("silence");

    @TempDir
    static Path dir;

    private static LocalPipeline pipeline;
    private static RecordingSubscriber subscriber;
    private static StreamExecutions executions;
    private static String goodSource;
    private static final Map<String, StreamOutcome> outcomes = new LinkedHashMap<>();

    @BeforeAll
    static void runBadStreams() throws Exception {
        GeneratedStream good = new StreamGenerator().generate(
                StreamSpec.of("good", 3).withSize(320, 180).withDuration(4), dir);
        Path corrupt = copyWithGarbageSegment(good.directory(), dir.resolve("corrupt"), "seg00001.ts");
        pipeline = LocalPipeline.builder()
                .handler(LocalPipeline.DETECTOR, env -> FaultyHandlers.throwingFor("detector-throws",
                        new DetectorHandler(env, pipeline.functionRequests())))
                .handler(LocalPipeline.CONVERTER, env -> FaultyHandlers.unavailableOnceFor("flaky",
                        new ConverterHandler(env, pipeline.functionRequests())))
                .start();
        subscriber = new RecordingSubscriber();
        pipeline.cloud().sns().subscribe(pipeline.topicArn(), subscriber);
        StreamUpload upload = new StreamUpload(pipeline.s3(), LocalPipeline.BUCKET);
        goodSource = upload.upload("good", good.directory());
        String corruptSource = upload.upload("corrupt", corrupt);
        executions = pipeline.executions(Duration.ofMinutes(2), line -> { });

        Map<String, String> started = new LinkedHashMap<>();
        started.put("missing", executions.start(new StreamInput("missing",
                "s3://" + LocalPipeline.BUCKET + "/streams/missing/index.m3u8", DETECTORS, null)));
        started.put("corrupt", executions.start(new StreamInput("corrupt", corruptSource, DETECTORS, null)));
        started.put("detector-throws", executions.start(new StreamInput("detector-throws", goodSource, DETECTORS, null)));
        started.put("flaky", executions.start(new StreamInput("flaky", goodSource, DETECTORS, null)));
        started.put("no-source", executions.startRaw("no-source",
                "{\"streamId\":\"no-source\",\"detectors\":[{\"name\":\"silence\",\"state\":null}]}"));
        started.put("../../etc", executions.startRaw("bad-id",
                "{\"streamId\":\"../../etc\",\"source\":\"" + goodSource + "\",\"detectors\":[{\"name\":\"silence\"}]}"));
        for (Map.Entry<String, String> e : started.entrySet()) {
            outcomes.put(e.getKey(), executions.follow(e.getKey(), e.getValue()));
        }
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void missingSource_failsWithStreamNotFoundAndNotifies() {
        assertFailed("missing", ERRORS + "StreamNotFoundException", "no such object");
    }

    @Test
    void corruptSegment_failsWithUnreadableStreamAtThatSegmentAndNotifies() {
        Notification n = assertFailed("corrupt", ERRORS + "UnreadableStreamException", "corrupt");
        assertTrue(n.message().startsWith("segment 1:"), () -> "the failing segment is named: " + n.message());
    }

    @Test
    void functionThrows_unexpectedErrorIsCaughtAndNotified() {
        assertFailed("detector-throws", "java.lang.IllegalStateException", "crashed on purpose");
    }

    @Test
    void executionInputWithoutSource_converterRefusesTheEventNamingTheField() {
        assertFailed("no-source", ERRORS + "InvalidEventException", "'source'");
    }

    @Test
    void badStreamId_refusedBeforeItBecomesAKey() {
        assertFailed("../../etc", ERRORS + "InvalidEventException", "invalid stream id");
        assertFalse(pipeline.s3().listObjectsV2(b -> b.bucket(LocalPipeline.BUCKET)).contents().stream()
                .anyMatch(o -> o.key().contains("..")), "no object key holds the bad id");
    }

    @Test
    void transientSourceFailure_retriedAndTheStreamSucceeds() {
        StreamOutcome flaky = outcomes.get("flaky");
        assertEquals("SUCCEEDED", flaky.status(), () -> flaky.error() + " " + flaky.cause());
        assertTrue(flaky.retries() >= 1, "the history shows the retry");
        long billed = flaky.executionArns().stream().mapToLong(pipeline.stepFunctions()::billedTransitions).sum();
        assertEquals(flaky.historyTransitions(), billed, "the retry is billed as a transition");
    }

    @Test
    void sourcesOutsideThePolicy_rejectedBeforeAnyFetch() throws Exception {
        pipeline.cloud().s3().createBucket("someone-elses");
        pipeline.s3().putObject(b -> b.bucket("someone-elses").key("streams/x/index.m3u8"),
                RequestBody.fromString("#EXTM3U\n"));
        pipeline.s3().putObject(b -> b.bucket(LocalPipeline.BUCKET).key("streams/redirect/index.m3u8"),
                RequestBody.fromString("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n"
                        + "http://169.254.169.254/latest/meta-data/seg.ts\n#EXT-X-ENDLIST\n"));
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("file-source", "file:///etc/passwd");
        refused.put("metadata-source", "http://169.254.169.254/latest/meta-data/");
        refused.put("https-not-allowed", "https://example.com/live/index.m3u8");
        refused.put("other-bucket", "s3://someone-elses/streams/x/index.m3u8");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            long getsBefore = pipeline.functionRequests().count("S3", "GetObject").calls();
            StreamOutcome o = executions.follow(e.getKey(),
                    executions.start(new StreamInput(e.getKey(), e.getValue(), DETECTORS, null)));
            outcomes.put(e.getKey(), o);
            assertFailed(e.getKey(), ERRORS + "ForbiddenSourceException", "source rejected");
            assertEquals(getsBefore, pipeline.functionRequests().count("S3", "GetObject").calls(),
                    e.getValue() + " was refused before any fetch");
        }
        long getsBefore = pipeline.functionRequests().count("S3", "GetObject").calls();
        outcomes.put("redirect", executions.follow("redirect", executions.start(new StreamInput("redirect",
                "s3://" + LocalPipeline.BUCKET + "/streams/redirect/index.m3u8", DETECTORS, null))));
        assertFailed("redirect", ERRORS + "ForbiddenSourceException", "169.254.169.254");
        assertEquals(getsBefore + 1, pipeline.functionRequests().count("S3", "GetObject").calls(),
                "only the playlist was read; its segment on the metadata address was refused");
    }

    @Test
    void everyExecution_endedNoneLeftRunning() {
        assertTrue(pipeline.sfn().listExecutions(b -> b.stateMachineArn(pipeline.stateMachineArn())
                .statusFilter("RUNNING")).executions().isEmpty(), "no execution is still running");
        PipelineReport report = PipelineReport.measure(pipeline, List.copyOf(outcomes.values()));
        assertEquals(report.historyTransitions(), report.billedTransitions(),
                "failed executions are billed what their histories show");
    }

    /** Asserts the execution failed with {@code error} and a failure notification names the stream and reason. */
    private static Notification assertFailed(String streamId, String error, String reasonText) {
        StreamOutcome o = outcomes.get(streamId);
        assertEquals("FAILED", o.status(), () -> streamId + ": " + o.error() + " " + o.cause());
        assertEquals(error, o.error(), () -> streamId + ": typed error; cause " + o.cause());
        List<Notification> failures = DefectMatching.notifications(subscriber.messages()).stream()
                .filter(n -> n.kind() == Notification.Kind.STREAM_FAILED && n.streamId().equals(streamId)).toList();
        assertEquals(1, failures.size(), () -> streamId + ": one failure notification, got " + failures);
        Notification n = failures.get(0);
        assertEquals(error.substring(error.lastIndexOf('.') + 1), n.error(), () -> streamId + ": the reason");
        assertTrue(n.message().contains(reasonText), () -> streamId + ": message says why: " + n.message());
        return n;
    }

    private static Path copyWithGarbageSegment(Path from, Path to, String segment) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        byte[] garbage = "this is not an MPEG transport stream, it is corrupt on purpose. ".repeat(500)
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(to.resolve(segment), garbage);
        return to;
    }
}
