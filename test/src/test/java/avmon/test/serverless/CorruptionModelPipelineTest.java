package avmon.test.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.PipelineReport;
import avmon.cli.serverless.StreamInput;
import avmon.cli.serverless.StreamOutcome;
import avmon.cli.serverless.StreamUpload;
import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.CorruptionModelDetector;
import avmon.core.corruption.ModelDescription;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.core.notify.InMemoryNotifier;
import avmon.core.notify.Notification;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import avmon.local.lambda.LambdaMetrics;
import avmon.local.sns.RecordingSubscriber;
import avmon.monolith.source.FfmpegOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.supervise.StreamSupervisor;
import avmon.monolith.supervise.SupervisorSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The serverless design with the block-corruption model, as {@code cdk -c corruptionModel=true} deploys it: the
 * detector function enables corruption_model (and loads it when it starts), the converter writes 320x180 frames.
 * One generated 720p stream whose corruption crosses the segment boundary at 4 s goes through the workflow on the
 * embedded cloud (S3Proxy, the Step Functions API through the SDK), and the same stream through the monolith.
 */
class CorruptionModelPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "patterns-corrupted";

    @TempDir
    static Path dir;

    private static GeneratedStream stream;
    private static LocalPipeline pipeline;
    private static RecordingSubscriber subscriber;
    private static StreamOutcome outcome;
    private static PipelineReport report;

    @BeforeAll
    static void runStream() throws Exception {
        // Moving patterns at 720p, the content the committed model handles best (its training report); the
        // corruption runs from 3.7 s to the keyframe at 5 s, across the segment boundary at 4 s.
        stream = new StreamGenerator().generate(StreamSpec.of(ID, 4242).withContent(PictureContent.PATTERNS)
                .videoOnly().withDuration(8).with(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 3.7, 0.6)), dir);
        pipeline = LocalPipeline.builder().corruptionModel().start();
        subscriber = new RecordingSubscriber();
        pipeline.cloud().sns().subscribe(pipeline.topicArn(), subscriber);
        String source = new StreamUpload(pipeline.s3(), LocalPipeline.BUCKET).upload(ID, stream.directory());
        outcome = pipeline.executions(Duration.ofMinutes(5), line -> { })
                .run(List.of(new StreamInput(ID, source, List.of(CorruptionModelDetector.NAME), null))).get(0);
        report = PipelineReport.measure(pipeline, List.of(outcome));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void run_corruptedStream_executionSucceedsOverEverySegment() {
        assertEquals("SUCCEEDED", outcome.status(), () -> outcome.error() + " " + outcome.cause());
        assertEquals(stream.segments(), outcome.segments(), "segments handled");
        assertTrue(DefectMatching.notifications(subscriber.messages()).stream()
                .allMatch(n -> n.kind() == Notification.Kind.DEFECT), () -> "no failure notification: " + subscriber.messages());
    }

    @Test
    void run_corruptedStream_modelRanOnceOnEverySegmentAtTheImagesSize() {
        LambdaMetrics detector = report.lambda().get(LocalPipeline.DETECTOR);
        assertEquals(stream.segments(), detector.invocations(), "one corruption_model invocation per segment");
        assertEquals(0, detector.errors(), "none failed");
        double mb = LocalPipeline.FunctionSize.DETECTOR_IMAGE_SIZE.memoryMb();
        assertEquals(detector.billedMs() / 1000.0 * mb / 1024.0, detector.gbSeconds(), 1e-6,
                "billed at the container image's memory");
    }

    @Test
    void run_corruptedStream_theInjectedCorruptionIsReportedByTheModel() {
        Defect truth = stream.truth().defects().get(0);
        List<Defect> found = DefectMatching.defectsOf(ID, DefectMatching.notifications(subscriber.messages()));
        assertEquals(1, found.size(), () -> "one corruption in " + stream.truth().defects() + ", found " + found);
        Defect d = found.get(0);
        assertEquals(DefectType.BLOCK_CORRUPTION, d.type(), "type");
        assertEquals(CorruptionModelDetector.NAME, d.detector(), "reported by the model detector");
        assertTrue(d.start() < truth.end() && d.end() != null && d.end() > truth.start(),
                () -> "overlaps the true corruption " + truth + ": " + d);
    }

    @Test
    void run_corruptedStream_matchesTheTruthWithinItsTolerance() {
        DefectMatching.assertMatchesTruth(stream.truth(),
                DefectMatching.defectsOf(ID, DefectMatching.notifications(subscriber.messages())));
    }

    @Test
    void run_corruptedStream_stateCarriesThePreviousPictureBetweenSegments() {
        ModelDescription model = CorruptionModel.shared().description();
        List<JsonNode> states = detectorStates();
        assertEquals(stream.segments(), states.size(), "a corruption_model state returned for every segment");
        for (JsonNode state : states) {
            assertNotNull(state.get("previous"), () -> "the state holds the last picture: " + state.fieldNames());
            byte[] previous = Base64.getDecoder().decode(state.get("previous").asText());
            assertEquals(model.inputWidth() * model.inputHeight(), previous.length,
                    "the last picture, at the model's input size, for the next segment's first comparison");
            int bytes = state.toString().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < 256 * 1024, () -> "the state (" + bytes + " bytes) fits Step Functions' 256 KiB payloads");
        }
    }

    @Test
    void run_sameStreamThroughTheMonolith_sameDefects() throws Exception {
        InMemoryNotifier monolith = new InMemoryNotifier();
        ModelDescription model = CorruptionModel.shared().description();
        MediaOptions options = MediaOptions.defaults().withThumbnailSize(model.inputWidth(), model.inputHeight())
                .withAudio(false);
        try (StreamSupervisor supervisor = new StreamSupervisor(List.of(StreamSource.parse(ID + "=" + stream.playlist())),
                DetectorSettings.DEFAULTS.detectors(List.of(CorruptionModelDetector.NAME)), monolith,
                new FfmpegOpener(options), SupervisorSettings.DEFAULT)) {
            supervisor.start();
            assertTrue(supervisor.awaitEnd(Duration.ofMinutes(3)), () -> "monolith done: " + supervisor.streams());
        }
        List<Defect> fromMonolith = monolith.sent().stream()
                .filter(n -> n.kind() == Notification.Kind.DEFECT).map(Notification::defect).toList();
        assertEquals(fromMonolith, DefectMatching.defectsOf(ID, DefectMatching.notifications(subscriber.messages())),
                "the same model on the same pictures, segments with the state between them or one continuous stream");
    }

    @Test
    void run_inputWithoutDetectors_runsWhatTheDeployedDetectorRunsModelIncluded() throws Exception {
        String id = "patterns-default";
        String source = new StreamUpload(pipeline.s3(), LocalPipeline.BUCKET).upload(id, stream.directory());
        StreamOutcome run = pipeline.executions(Duration.ofMinutes(5), line -> { })
                .run(List.of(new StreamInput(id, source, null, null))).get(0);

        assertEquals("SUCCEEDED", run.status(), () -> run.error() + " " + run.cause());
        // The Map runs a segment's detectors in parallel: compare what ran, not in which order.
        List<String> ran = detectorResults(run).stream().map(r -> r.path("name").asText()).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (int segment = 0; segment < stream.segments(); segment++) {
            expected.addAll(LocalPipeline.MODEL_DEPLOYMENT_DETECTORS);
        }
        assertEquals(expected.stream().sorted().toList(), ran,
                "every segment ran each of the deployment's detectors once, the model among them");
        List<Defect> found = DefectMatching.defectsOf(id, DefectMatching.notifications(subscriber.messages()));
        assertEquals(DefectMatching.defectsOf(ID, DefectMatching.notifications(subscriber.messages())).stream()
                        .map(d -> d.type() + " " + d.start() + "-" + d.end()).toList(),
                found.stream().filter(d -> d.detector().equals(CorruptionModelDetector.NAME))
                        .map(d -> d.type() + " " + d.start() + "-" + d.end()).toList(),
                "the model reports what it reported when named alone");
    }

    /** The detector's state after each segment, from the RunDetector results in the execution's history. */
    private static List<JsonNode> detectorStates() {
        return detectorResults(outcome).stream()
                .filter(r -> CorruptionModelDetector.NAME.equals(r.path("name").asText()))
                .map(r -> r.path("state")).toList();
    }

    /** Each RunDetector result ({name, state}) in the stream's execution histories, in the order they came. */
    private static List<JsonNode> detectorResults(StreamOutcome run) {
        List<JsonNode> results = new ArrayList<>();
        for (String arn : run.executionArns()) {
            for (HistoryEvent e : pipeline.sfn().getExecutionHistoryPaginator(b -> b.executionArn(arn)).events()) {
                if (e.type() != HistoryEventType.TASK_SUCCEEDED || e.taskSucceededEventDetails().output() == null) {
                    continue;
                }
                JsonNode result = readTree(e.taskSucceededEventDetails().output()).path("Payload").path("detector");
                if (result.has("name")) {
                    results.add(result);
                }
            }
        }
        return results;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
