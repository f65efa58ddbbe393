package avmon.monolith.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.MediaOptions;
import avmon.core.notify.InMemoryNotifier;
import avmon.core.notify.Notification;
import avmon.monolith.source.FfmpegOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StreamStatus;
import avmon.monolith.testing.GrowingPlaylistServer;
import avmon.monolith.testing.TestMedia;
import avmon.monolith.testing.TestMedia.Content;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor following a live HLS playlist over HTTP while it grows, as FFmpeg's HLS demuxer re-reads it. */
class LiveHlsMonitoringTest {

    @TempDir
    static Path dir;
    static Path vod;

    private final InMemoryNotifier notifier = new InMemoryNotifier();

    /** 12 s in six 2 s segments, black from 8 to 11 s: the defect is in segments published late. */
    @BeforeAll
    static void rendition() throws Exception {
        Path hls = Files.createDirectories(dir.resolve("hls"));
        vod = TestMedia.writeHls(hls, Content.clean(12).withBlack(8, 11), 2);
    }

    @Test
    void monitor_playlistGrowsWhileRead_analysesEverySegmentAndFindsTheLateDefect() throws Exception {
        try (GrowingPlaylistServer origin = new GrowingPlaylistServer(vod, 2);
             StreamSupervisor supervisor = supervisor(origin, SupervisorSettings.DEFAULT.withStallTimeout(Duration.ofSeconds(20)))) {
            supervisor.start();
            while (origin.publishNext()) {
                Thread.sleep(1000);
            }
            origin.end();
            assertTrue(supervisor.awaitEnd(Duration.ofMinutes(1)), () -> "stream ended: " + supervisor.streams());

            StreamStatus live = supervisor.streams().get(0);
            assertEquals(StreamStatus.State.ENDED, live.state(), () -> "ended with the playlist: " + live);
            assertEquals(300, live.framesAnalysed(), "all 12 s of pictures, none twice");
            assertTrue(defects().stream().anyMatch(d -> d.type() == DefectType.BLACK && Math.abs(d.start() - 8.0) < 0.1),
                    () -> "black at 8 s in a segment published late: " + defects());
            assertTrue(defects().stream().noneMatch(d -> d.type() == DefectType.INPUT_LOSS),
                    () -> "waiting for segments within the stall timeout is no input loss: " + defects());
        }
    }

    @Test
    void monitor_playlistStopsGrowing_reportsInputLossThenReadsOnWhenItResumes() throws Exception {
        SupervisorSettings settings = SupervisorSettings.DEFAULT.withStallTimeout(Duration.ofSeconds(3))
                .withRetry(new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
        try (GrowingPlaylistServer origin = new GrowingPlaylistServer(vod, 2);
             StreamSupervisor supervisor = supervisor(origin, settings)) {
            supervisor.start();
            awaitLoss();
            origin.end();
            assertTrue(supervisor.awaitEnd(Duration.ofMinutes(1)), () -> "stream ended: " + supervisor.streams());

            List<Defect> losses = defects().stream().filter(d -> d.type() == DefectType.INPUT_LOSS).toList();
            assertEquals(1, losses.size(), () -> "one input loss for one outage: " + defects());
            assertEquals(3.96, losses.get(0).start(), 0.05, "lost after the last picture of segment 2");
            StreamStatus live = supervisor.streams().get(0);
            assertEquals(StreamStatus.State.ENDED, live.state(), () -> "read on once the playlist grew: " + live);
            assertEquals(300, live.framesAnalysed(), "every picture once, across the reconnects");
            assertTrue(defects().stream().anyMatch(d -> d.type() == DefectType.BLACK),
                    () -> "black found after the outage: " + defects());
        }
    }

    private StreamSupervisor supervisor(GrowingPlaylistServer origin, SupervisorSettings settings) {
        return new StreamSupervisor(List.of(StreamSource.parse(origin.playlistUrl())),
                DetectorSettings.DEFAULTS.detectors(), notifier, new FfmpegOpener(MediaOptions.defaults()), settings);
    }

    private void awaitLoss() throws InterruptedException {
        for (int i = 0; i < 600 && defects().stream().noneMatch(d -> d.type() == DefectType.INPUT_LOSS); i++) {
            Thread.sleep(100);
        }
    }

    private List<Defect> defects() {
        return notifier.sent().stream().filter(n -> n.kind() == Notification.Kind.DEFECT)
                .map(Notification::defect).toList();
    }
}
