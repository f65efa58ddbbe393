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
import avmon.monolith.source.OpenerByKind;
import avmon.monolith.source.SegmentedHlsOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StreamStatus;
import avmon.monolith.testing.InMemorySources;
import avmon.monolith.testing.TestMedia;
import avmon.monolith.testing.TestMedia.Content;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor reading an {@code s3://} playlist through a fetcher (an S3 stand-in in memory): a live playlist
 * that disappears is input loss, reported once, and the stream resumes where it stopped when it comes back.
 */
class SegmentedHlsMonitoringTest {

    private static final URI PLAYLIST = URI.create("s3://streams/news/index.m3u8");
    private static final List<String> SEGMENTS = List.of("seg000.ts", "seg001.ts", "seg002.ts", "seg003.ts",
            "seg004.ts", "seg005.ts");

    @TempDir
    static Path dir;

    private final InMemorySources s3 = new InMemorySources();
    private final InMemoryNotifier notifier = new InMemoryNotifier();

    /** 12 s in six 2 s segments, black from 8 to 11 s. */
    @BeforeAll
    static void rendition() throws Exception {
        TestMedia.writeHls(Files.createDirectories(dir.resolve("hls")), Content.clean(12).withBlack(8, 11), 2);
    }

    @Test
    void monitor_livePlaylistDisappearsThenReturns_oneInputLossAndEveryPictureOnce() throws Exception {
        for (String name : SEGMENTS) {
            s3.putFile(PLAYLIST.resolve(name), dir.resolve("hls").resolve(name));
        }
        s3.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 2), false);
        SupervisorSettings settings = SupervisorSettings.DEFAULT.withStallTimeout(Duration.ofSeconds(20))
                .withRetry(new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));

        try (StreamSupervisor supervisor = supervisor(settings)) {
            supervisor.start();
            await(() -> supervisor.streams().get(0).framesAnalysed() == 100);
            s3.remove(PLAYLIST);
            await(() -> defects().stream().anyMatch(d -> d.type() == DefectType.INPUT_LOSS));
            Thread.sleep(1500); // a few retries find no playlist either: still one outage
            s3.putPlaylist(PLAYLIST, 0, SEGMENTS, true);
            assertTrue(supervisor.awaitEnd(Duration.ofMinutes(1)), () -> "stream ended: " + supervisor.streams());

            List<Defect> losses = defects().stream().filter(d -> d.type() == DefectType.INPUT_LOSS).toList();
            assertEquals(1, losses.size(), () -> "one input loss for one outage, however many retries: " + defects());
            assertEquals(3.96, losses.get(0).start(), 0.05, "lost after the last picture of segment 1");
            StreamStatus news = supervisor.streams().get(0);
            assertEquals(StreamStatus.State.ENDED, news.state(), () -> "read on when the playlist came back: " + news);
            assertEquals(300, news.framesAnalysed(), "every picture once, across the outage");
            assertTrue(defects().stream().anyMatch(d -> d.type() == DefectType.BLACK && Math.abs(d.start() - 8.0) < 0.1),
                    () -> "black at 8 s, after the outage, in stream time: " + defects());
        }
    }

    private StreamSupervisor supervisor(SupervisorSettings settings) {
        MediaOptions options = MediaOptions.defaults();
        OpenerByKind opener = new OpenerByKind(Map.of(
                StreamSource.Kind.FILE, new FfmpegOpener(options),
                StreamSource.Kind.S3, new SegmentedHlsOpener(s3, options, dir.resolve("work"))));
        return new StreamSupervisor(List.of(StreamSource.parse(PLAYLIST.toString())),
                DetectorSettings.DEFAULTS.detectors(), notifier, opener, settings);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "condition reached within a minute");
    }

    private List<Defect> defects() {
        return notifier.sent().stream().filter(n -> n.kind() == Notification.Kind.DEFECT)
                .map(Notification::defect).toList();
    }
}
