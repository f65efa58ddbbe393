package avmon.monolith.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.core.notify.InMemoryNotifier;
import avmon.core.notify.Notification;
import avmon.monolith.source.FfmpegOpener;
import avmon.monolith.source.MediaOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StreamStatus;
import avmon.monolith.status.StreamStatus.State;
import avmon.monolith.testing.ScriptedMedia;
import avmon.monolith.testing.ScriptedMedia.Attempt;
import avmon.monolith.testing.ScriptedMedia.Finish;
import avmon.monolith.testing.TestMedia;
import avmon.monolith.testing.TestMedia.Content;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamSupervisorTest {

    @TempDir
    static Path dir;
    static Path frozen;
    static Path black;
    static Path silent;

    private final List<Detector<?>> detectors = DetectorSettings.DEFAULTS.detectors();
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final MediaOpener ffmpeg = new FfmpegOpener(MediaOptions.defaults());
    private final SupervisorSettings fast = SupervisorSettings.DEFAULT
            .withStallTimeout(Duration.ofSeconds(1))
            .withRetry(new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 3));

    @BeforeAll
    static void clips() throws Exception {
        frozen = TestMedia.writeTs(dir.resolve("frozen.ts"), Content.clean(8).withFrozen(2, 5));
        black = TestMedia.writeTs(dir.resolve("black.ts"), Content.clean(8).withBlack(3, 6));
        silent = TestMedia.writeTs(dir.resolve("silent.ts"), Content.clean(8).withSilence(1, 4));
    }

    @Test
    void run_threeStreamsAtOnce_eachReportsItsInjectedDefect() throws Exception {
        List<StreamSource> sources = StreamSource.parseAll(List.of(frozen.toString(), black.toString(), silent.toString()));

        List<StreamStatus> end = runToEnd(sources, ffmpeg, fast);

        end.forEach(s -> assertEquals(State.ENDED, s.state(), () -> s.streamId() + " ended: " + s));
        assertDefect("frozen", DefectType.FREEZE, 2.0);
        assertDefect("black", DefectType.BLACK, 3.0);
        assertDefect("silent", DefectType.SILENCE, 1.0);
        assertTrue(defectsOf("frozen").stream().noneMatch(d -> d.type() == DefectType.SILENCE),
                "no silence in the frozen stream: " + defectsOf("frozen"));
        StreamStatus frozenStatus = status(end, "frozen");
        assertEquals(200, frozenStatus.framesAnalysed(), "every picture of 8 s at 25 fps analysed once");
        assertTrue(frozenStatus.cpuSeconds() > 0, "CPU time metered per stream");
    }

    @Test
    void run_badStreamsAmongHealthy_healthyStreamsEndWithTheirDefects() throws Exception {
        Path notMedia = Files.writeString(dir.resolve("notes.ts"), "this is not a transport stream\n".repeat(200));
        byte[] whole = Files.readAllBytes(black);
        Path truncated = Files.write(dir.resolve("truncated.ts"), java.util.Arrays.copyOf(whole, whole.length * 3 / 5));
        ScriptedMedia dying = new ScriptedMedia(new Attempt(0, 2, Finish.FAIL), new Attempt(0, 2, Finish.FAIL),
                new Attempt(0, 2, Finish.FAIL), new Attempt(0, 2, Finish.FAIL));
        ScriptedMedia stalling = new ScriptedMedia(new Attempt(0, 1, Finish.BLOCK), new Attempt(0, 1, Finish.BLOCK),
                new Attempt(0, 1, Finish.BLOCK), new Attempt(0, 1, Finish.BLOCK));
        MediaOpener opener = (source, interruption) -> switch (source.id()) {
            case "dying" -> dying.open(source, interruption);
            case "stalling" -> stalling.open(source, interruption);
            default -> ffmpeg.open(source, interruption);
        };
        List<StreamSource> sources = StreamSource.parseAll(List.of("dying=http://origin.test/dying.m3u8", "stalling=http://origin.test/stalling.m3u8",
                notMedia.toString(), dir.resolve("missing.ts").toString(), truncated.toString(), frozen.toString(),
                black.toString()));

        List<StreamStatus> end = runToEnd(sources, opener, fast.withWorkers(3));

        assertEquals(State.ENDED, status(end, "frozen").state(), "healthy stream ended normally");
        assertEquals(State.ENDED, status(end, "black").state(), "healthy stream ended normally");
        assertEquals(200, status(end, "frozen").framesAnalysed(), "healthy stream analysed whole");
        assertDefect("frozen", DefectType.FREEZE, 2.0);
        assertDefect("black", DefectType.BLACK, 3.0);
        assertFailed(end, "dying", "INPUT_LOSS");
        assertFailed(end, "stalling", "INPUT_LOSS");
        assertFailed(end, "notes", "NOT_MEDIA");
        assertFailed(end, "missing", "NOT_FOUND");
        StreamStatus cut = status(end, "truncated");
        assertTrue(cut.framesAnalysed() < 200, () -> "a file cut short is analysed up to the cut: " + cut);
        if (cut.state() == State.FAILED) {
            // Cut inside a picture: reported as input loss where it stops. A cut between pictures reads as
            // a shorter file (FFmpeg cannot tell them apart) and ends normally.
            assertFailed(end, "truncated", "READ_FAILED");
            assertTrue(defectsOf("truncated").stream().anyMatch(d -> d.type() == DefectType.INPUT_LOSS),
                    () -> "input loss where the file stops: " + defectsOf("truncated"));
        } else {
            assertEquals(State.ENDED, cut.state(), () -> "cut between pictures ends like a short file: " + cut);
        }
        assertEquals(1, defectsOf("dying").stream().filter(d -> d.type() == DefectType.INPUT_LOSS).count(),
                "one input loss per outage, not one per failed retry");
    }

    @Test
    void stall_inputStopsSending_reportsInputLossWhereItStoppedThenResumes() throws Exception {
        ScriptedMedia live = new ScriptedMedia(new Attempt(0, 3, Finish.BLOCK), new Attempt(0, 6, Finish.END));
        List<StreamSource> sources = List.of(StreamSource.parse("cam=http://origin.test/cam.m3u8"));

        List<StreamStatus> end = runToEnd(sources, live, fast);

        List<Defect> losses = defectsOf("cam").stream().filter(d -> d.type() == DefectType.INPUT_LOSS).toList();
        assertEquals(1, losses.size(), "one input loss: " + defectsOf("cam"));
        assertEquals(2.96, losses.get(0).start(), 1e-9, "reported at the last picture analysed before the stall");
        assertEquals(2, live.opened(), "retried once");
        StreamStatus cam = status(end, "cam");
        assertEquals(State.ENDED, cam.state(), "the retry read on to the end");
        assertEquals(150, cam.framesAnalysed(), "pictures read again after the retry are not analysed twice");
    }

    @Test
    void retry_inputDiesEveryTime_givenUpAfterMaxAttemptsWithReason() throws Exception {
        ScriptedMedia dying = new ScriptedMedia(new Attempt(0, 1, Finish.FAIL), new Attempt(0, 1, Finish.FAIL),
                new Attempt(0, 1, Finish.FAIL), new Attempt(0, 1, Finish.FAIL));

        List<StreamStatus> end = runToEnd(List.of(StreamSource.parse("cam=http://origin.test/cam.m3u8")), dying, fast);

        assertEquals(3, dying.opened(), "given up after 3 failed attempts in a row");
        StreamStatus cam = status(end, "cam");
        assertEquals(State.FAILED, cam.state(), "given up");
        assertTrue(cam.lastError().contains("gave up after 3 attempts") && cam.lastError().contains("connection reset"),
                "reason says why: " + cam.lastError());
    }

    @Test
    void retry_localFileFailsPartWay_reportsInputLossAndGivesUpWithoutRetrying() throws Exception {
        ScriptedMedia broken = new ScriptedMedia(new Attempt(0, 2, Finish.FAIL), new Attempt(0, 2, Finish.FAIL));

        List<StreamStatus> end = runToEnd(List.of(StreamSource.parse("cam=/media/cam.ts")), broken, fast);

        assertEquals(1, broken.opened(), "a file fails the same way every time: not retried");
        assertEquals(1.96, defectsOf("cam").stream().filter(d -> d.type() == DefectType.INPUT_LOSS)
                .findFirst().orElseThrow().start(), 1e-9, "input loss where reading stopped");
        assertFailed(end, "cam", "READ_FAILED");
    }

    @Test
    void workers_moreStreamsThanWorkers_extraStreamWaitsQueued() throws Exception {
        ScriptedMedia blocking = new ScriptedMedia(new Attempt(0, 1, Finish.BLOCK));
        MediaOpener opener = (source, interruption) -> source.id().equals("live")
                ? blocking.open(source, interruption) : ffmpeg.open(source, interruption);
        SupervisorSettings oneWorker = SupervisorSettings.DEFAULT.withWorkers(1).withStallTimeout(Duration.ofMinutes(5));
        StreamSupervisor supervisor = new StreamSupervisor(
                StreamSource.parseAll(List.of("live=http://origin.test/live.m3u8", frozen.toString())), detectors, notifier, opener, oneWorker);
        try (supervisor) {
            supervisor.start();
            assertTrue(blocking.awaitBlocked(30), "live stream's read blocked");

            List<StreamStatus> now = supervisor.streams();

            assertEquals(State.RUNNING, status(now, "live").state(), "blocked live read holds its worker");
            assertEquals(State.QUEUED, status(now, "frozen").state(), "second stream waits for a worker");
        }
        List<StreamStatus> after = supervisor.streams();
        assertEquals(State.STOPPED, status(after, "live").state(), "shutdown interrupted the blocked read");
        assertEquals(State.STOPPED, status(after, "frozen").state(), "the queued stream never ran");
    }

    @Test
    void lag_liveInputAnalysedLate_saysBehindWithItsLag() throws Exception {
        ScriptedMedia slow = new ScriptedMedia(new Attempt(0, 1, Finish.BLOCK, 0.6));
        SupervisorSettings settings = SupervisorSettings.DEFAULT.withMaxLag(Duration.ofMillis(300))
                .withStallTimeout(Duration.ofMinutes(5));
        try (StreamSupervisor supervisor = new StreamSupervisor(List.of(StreamSource.parse("cam=x.ts").asLive()),
                detectors, notifier, slow, settings)) {
            supervisor.start();
            assertTrue(slow.awaitBlocked(30), "read the script");

            StreamStatus cam = supervisor.streams().get(0);

            assertEquals(State.BEHIND, cam.state(), "last picture came 0.6 s late: " + cam);
            assertTrue(cam.lagSeconds() >= 0.5, "lag counts the delay: " + cam.lagSeconds());
        }
    }

    private List<StreamStatus> runToEnd(List<StreamSource> sources, MediaOpener opener, SupervisorSettings settings)
            throws Exception {
        try (StreamSupervisor supervisor = new StreamSupervisor(sources, detectors, notifier, opener, settings)) {
            supervisor.start();
            assertTrue(supervisor.awaitEnd(Duration.ofMinutes(2)), () -> "all streams done: " + supervisor.streams());
            return supervisor.streams();
        }
    }

    private List<Defect> defectsOf(String streamId) {
        return notifier.sent().stream()
                .filter(n -> n.kind() == Notification.Kind.DEFECT && n.streamId().equals(streamId))
                .map(Notification::defect).toList();
    }

    private void assertDefect(String streamId, DefectType type, double start) {
        List<Defect> found = defectsOf(streamId);
        assertTrue(found.stream().anyMatch(d -> d.type() == type && Math.abs(d.start() - start) <= 0.1),
                () -> streamId + ": " + type + " at " + start + " s among " + found);
    }

    private void assertFailed(List<StreamStatus> end, String streamId, String error) {
        assertEquals(State.FAILED, status(end, streamId).state(), () -> streamId + " given up: " + status(end, streamId));
        Notification failure = notifier.sent().stream()
                .filter(n -> n.kind() == Notification.Kind.STREAM_FAILED && n.streamId().equals(streamId))
                .findFirst().orElse(null);
        assertNotNull(failure, () -> "failure notification for " + streamId + " in " + notifier.sent());
        assertEquals(error, failure.error(), () -> "failure of " + streamId + ": " + failure);
    }

    private static StreamStatus status(List<StreamStatus> all, String streamId) {
        return all.stream().filter(s -> s.streamId().equals(streamId)).findFirst()
                .orElseThrow(() -> new AssertionError("no stream " + streamId + " in " + all));
    }
}
