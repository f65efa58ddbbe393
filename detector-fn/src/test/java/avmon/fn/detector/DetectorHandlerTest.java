package avmon.fn.detector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.aws.lambda.error.FramesMissingException;
import avmon.aws.lambda.error.InvalidEventException;
import avmon.core.analyse.AnalyseRequest;
import avmon.core.analyse.DetectorRun;
import avmon.core.store.SegmentKey;
import avmon.core.store.SegmentManifest;
import avmon.local.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detector's refusals; the successful path runs in the end-to-end tests. */
class DetectorHandlerTest {

    private static LocalCloud cloud;
    private static DetectorHandler handler;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().s3Bucket("frames").start();
        handler = new DetectorHandler(environment());
    }

    private static Map<String, String> environment() {
        return Map.of("FRAMES_BUCKET", "frames", "S3_ENDPOINT", cloud.s3Endpoint().toString(),
                "AWS_ACCESS_KEY_ID", cloud.credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", cloud.credentials().secretAccessKey());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void handle_manifestOfAnotherStreamOrKeyOutsideItsPrefix_refused() {
        SegmentKey other = new SegmentKey("other", 0);
        SegmentManifest foreign = new SegmentManifest(other, List.of(), null);
        assertThrows(InvalidEventException.class, () -> handler.handle(
                new AnalyseRequest("mine", new DetectorRun("freeze", null), foreign, false, 2)));
        SegmentKey mine = new SegmentKey("mine", 0);
        SegmentManifest escaping = new SegmentManifest(mine, List.of(new SegmentManifest.FrameEntry(
                "streams/secret/index.m3u8", 0, 0, 16, 16, List.of())), null);
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> handler.handle(
                new AnalyseRequest("mine", new DetectorRun("freeze", null), escaping, false, 2)));
        assertTrue(e.getMessage().contains("streams/secret"), e.getMessage());
    }

    @Test
    void handle_modelDetectorNotEnabled_invalidEventNamingTheEnabledOnes() {
        SegmentManifest empty = new SegmentManifest(new SegmentKey("mine", 0), List.of(), null);
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> handler.handle(
                new AnalyseRequest("mine", new DetectorRun("corruption_model", null), empty, false, 2)),
                "the zip function refuses the model detector before touching PyTorch");
        assertTrue(e.getMessage().contains("'corruption_model' is not enabled")
                && e.getMessage().contains("DETECTORS=freeze,black,silence,av_sync,decoder_errors"), e.getMessage());
    }

    @Test
    void new_modelEnabledWithoutPyTorchNatives_failsAtStartNamingTheEngine() {
        // This module's tests, like the zip-packaged function, have no PyTorch natives (and a cache of their own).
        Map<String, String> env = new HashMap<>(environment());
        env.put(EnabledDetectors.ENV, "freeze,corruption_model");
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> new DetectorHandler(env),
                "the constructor (Lambda's INIT phase) loads the model");
        assertTrue(e.getMessage().contains("DETECTORS=freeze,corruption_model")
                && e.getMessage().contains("PyTorch engine does not load"), e.getMessage());
    }

    @Test
    void new_unknownDetectorEnabled_refusedNamingIt() {
        Map<String, String> env = new HashMap<>(environment());
        env.put(EnabledDetectors.ENV, "freeze,nonsense");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DetectorHandler(env));
        assertTrue(e.getMessage().contains("'nonsense'"), e.getMessage());
    }

    @Test
    void handle_unknownDetector_invalidEvent() {
        SegmentManifest empty = new SegmentManifest(new SegmentKey("mine", 0), List.of(), null);
        assertThrows(InvalidEventException.class, () -> handler.handle(
                new AnalyseRequest("mine", new DetectorRun("nonsense", null), empty, false, 2)));
    }

    @Test
    void handle_framesNotInTheBucket_framesMissing() {
        SegmentKey key = new SegmentKey("mine", 3);
        SegmentManifest gone = new SegmentManifest(key, List.of(new SegmentManifest.FrameEntry(
                key.prefix() + "00000075.png", 75, 3.0, 16, 16, List.of())), null);
        assertThrows(FramesMissingException.class, () -> handler.handle(
                new AnalyseRequest("mine", new DetectorRun("freeze", null), gone, false, 4)));
    }

    @Test
    void parse_eventWithoutDetectorName_namesTheField() {
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> handler.parse(
                "{\"streamId\":\"a\",\"detector\":{},\"manifest\":{}}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("'detector.name'"), e.getMessage());
    }
}
