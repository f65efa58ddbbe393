package avmon.test.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.PipelineReport;
import avmon.cli.serverless.StreamInput;
import avmon.cli.serverless.StreamOutcome;
import avmon.cli.serverless.StreamUpload;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.core.notify.InMemoryNotifier;
import avmon.core.notify.Notification;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import avmon.local.lambda.LambdaMetrics;
import avmon.local.sns.RecordingSubscriber;
import avmon.monolith.source.FfmpegOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.supervise.StreamSupervisor;
import avmon.monolith.supervise.SupervisorSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serverless design end to end on the embedded cloud: generated streams with injected defects go through
 * one workflow execution each (converter, detectors in a Map, notifier, on the Lambda host; frames through
 * S3; defects out on SNS), and what the run used is measured.
 */
class ServerlessPipelineTest {

    @TempDir
    static Path dir;

    private static List<GeneratedStream> streams;
    private static LocalPipeline pipeline;
    private static RecordingSubscriber subscriber;
    private static List<StreamOutcome> outcomes;
    private static PipelineReport report;

    @BeforeAll
    static void runStreams() throws Exception {
        StreamSpec base = StreamSpec.of("base", 5).withSize(320, 180).withDuration(8);
        streams = new StreamGenerator().generateAll(List.of(
                base.withId("clean"),
                base.withId("freeze").with(InjectedDefect.of(DefectType.FREEZE, 1.5, 3.0)),
                base.withId("black-silence").with(InjectedDefect.of(DefectType.BLACK, 3.0, 2.2),
                        InjectedDefect.of(DefectType.SILENCE, 2.9, 2.5)),
                // Damage across the segment boundary at 4 s: the run is held open to the next clean keyframe,
                // whose flag must reach the detector function through the stored frames' manifest.
                base.withId("corruption").with(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 3.7, 0.5))), dir);
        pipeline = LocalPipeline.builder().start();
        subscriber = new RecordingSubscriber();
        pipeline.cloud().sns().subscribe(pipeline.topicArn(), subscriber);
        StreamUpload upload = new StreamUpload(pipeline.s3(), LocalPipeline.BUCKET);
        List<StreamInput> inputs = new ArrayList<>();
        for (GeneratedStream s : streams) {
            String id = s.truth().streamId();
            inputs.add(new StreamInput(id, upload.upload(id, s.directory()), DetectorSettings.NAMES, null));
        }
        outcomes = pipeline.executions(Duration.ofMinutes(5), line -> { }).run(inputs);
        report = PipelineReport.measure(pipeline, outcomes);
        StringWriter printed = new StringWriter();
        report.print(new PrintWriter(printed));
        System.out.println(printed);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void run_generatedStreams_everyExecutionSucceedsOverEverySegment() {
        for (int i = 0; i < streams.size(); i++) {
            StreamOutcome o = outcomes.get(i);
            assertEquals("SUCCEEDED", o.status(), () -> o.streamId() + ": " + o.error() + " " + o.cause());
            assertEquals(streams.get(i).segments(), o.segments(), () -> o.streamId() + ": segments handled");
        }
    }

    @Test
    void run_injectedDefects_subscriberReceivesExactlyThoseOnceEach() {
        List<Notification> received = DefectMatching.notifications(subscriber.messages());
        assertTrue(received.stream().allMatch(n -> n.kind() == Notification.Kind.DEFECT),
                () -> "no failure notifications: " + received);
        for (GeneratedStream s : streams) {
            DefectMatching.assertMatchesTruth(s.truth(), DefectMatching.defectsOf(s.truth().streamId(), received));
        }
    }

    @Test
    void run_frames_storedInS3UnderStreamAndSegmentKeys() {
        for (GeneratedStream s : streams) {
            String id = s.truth().streamId();
            Set<String> keys = pipeline.s3().listObjectsV2Paginator(b -> b.bucket(LocalPipeline.BUCKET)
                    .prefix("frames/" + id + "/")).contents().stream().map(o -> o.key()).collect(Collectors.toSet());
            int frames = (int) Math.round(s.truth().duration() * s.truth().frameRate());
            assertEquals(frames + s.segments(), keys.size(), () -> id + ": one PNG per frame and one audio buffer per segment");
            for (int segment = 0; segment < s.segments(); segment++) {
                String prefix = String.format("frames/%s/%06d/", id, segment);
                assertTrue(keys.contains(prefix + "audio.pcm"), () -> "audio of " + prefix);
                assertTrue(keys.stream().anyMatch(k -> k.startsWith(prefix) && k.endsWith(".png")), () -> "frames of " + prefix);
            }
        }
    }

    @Test
    void run_measurements_crossCheckAcrossServices() {
        assertEquals(report.historyTransitions(), report.billedTransitions(),
                "billed transitions = states entered + retries in the histories");
        assertTrue(report.billedTransitions() > 0, "transitions were billed");
        assertEquals(report.objectsStored(), report.s3Calls("PutObject"),
                "S3 PUTs = frames + audio buffers written");
        assertEquals(report.s3Calls("PutObject"), report.s3Tier1(), "every PUT is a billable tier 1 request");
        assertTrue(report.s3Calls("GetObject") > report.s3Calls("PutObject"),
                "frames are read back by more than one detector, and the playlist and segments are read too");
        assertEquals(report.s3Calls("GetObject"), report.s3Tier2(), "every GET is a billable tier 2 request");
        assertTrue(report.bytesStored() > 0, "bytes stored");

        int segments = streams.stream().mapToInt(GeneratedStream::segments).sum();
        LambdaMetrics converter = report.lambda().get(LocalPipeline.CONVERTER);
        LambdaMetrics detector = report.lambda().get(LocalPipeline.DETECTOR);
        LambdaMetrics notifier = report.lambda().get(LocalPipeline.NOTIFIER);
        assertEquals(segments, converter.invocations(), "one conversion per segment");
        assertEquals((long) segments * DetectorSettings.NAMES.size(), detector.invocations(),
                "one detector invocation per segment and detector");
        long segmentsWithDefects = notifier.invocations();
        assertTrue(segmentsWithDefects >= 2 && segmentsWithDefects <= segments, "the notifier ran once per segment with defects");
        assertEquals(0, report.lambdaTotal().errors(), "no function failed");
        for (LambdaMetrics m : report.lambda().values()) {
            double mb = m == converter ? LocalPipeline.FunctionSize.CONVERTER_SIZE.memoryMb()
                    : m == detector ? LocalPipeline.FunctionSize.DETECTOR_SIZE.memoryMb()
                    : LocalPipeline.FunctionSize.NOTIFIER_SIZE.memoryMb();
            assertEquals(m.billedMs() / 1000.0 * mb / 1024.0, m.gbSeconds(), 1e-6, "GB-seconds = billed seconds x memory");
        }
        assertEquals(DefectMatching.notifications(subscriber.messages()).size(), report.sns().messagesPublished(),
                "every published message was delivered once");
    }

    @Test
    void run_sameStreamsThroughTheMonolith_bothDesignsReportTheSameDefects() throws Exception {
        InMemoryNotifier monolithNotifications = new InMemoryNotifier();
        List<StreamSource> sources = streams.stream()
                .map(s -> StreamSource.parse(s.truth().streamId() + "=" + s.playlist())).toList();
        try (StreamSupervisor monolith = new StreamSupervisor(sources, DetectorSettings.DEFAULTS.detectors(),
                monolithNotifications, new FfmpegOpener(MediaOptions.defaults()), SupervisorSettings.DEFAULT)) {
            monolith.start();
            assertTrue(monolith.awaitEnd(Duration.ofMinutes(3)), () -> "monolith done: " + monolith.streams());
        }

        List<Notification> serverless = DefectMatching.notifications(subscriber.messages());
        for (GeneratedStream s : streams) {
            String id = s.truth().streamId();
            List<Defect> fromMonolith = monolithNotifications.sent().stream()
                    .filter(n -> n.kind() == Notification.Kind.DEFECT && n.streamId().equals(id))
                    .map(Notification::defect).toList();
            assertEquals(sorted(fromMonolith), sorted(DefectMatching.defectsOf(id, serverless)),
                    () -> id + ": same detectors on the same frames, so the same defects in both designs");
        }
    }

    private static List<Defect> sorted(List<Defect> defects) {
        return defects.stream()
                .sorted(Comparator.comparing(Defect::type).thenComparingDouble(Defect::start)).toList();
    }
}
