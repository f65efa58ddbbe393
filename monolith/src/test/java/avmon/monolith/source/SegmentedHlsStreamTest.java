package avmon.monolith.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.monolith.testing.InMemorySources;
import avmon.monolith.testing.TestMedia;
import avmon.monolith.testing.TestMedia.Content;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an HLS playlist segment by segment through a fetcher, as the monitor reads playlists in S3. */
class SegmentedHlsStreamTest {

    private static final URI PLAYLIST = URI.create("s3://streams/news/index.m3u8");
    private static final List<String> SEGMENTS = List.of("seg000.ts", "seg001.ts", "seg002.ts", "seg003.ts",
            "seg004.ts", "seg005.ts");
    private static final MediaOptions OPTIONS = MediaOptions.defaults();

    @TempDir
    static Path dir;

    private final InMemorySources sources = new InMemorySources();
    private final AtomicReference<SegmentedHlsStream.Checkpoint> checkpoint = new AtomicReference<>();

    /** 12 s in six 2 s segments. */
    @BeforeAll
    static void rendition() throws Exception {
        TestMedia.writeHls(Files.createDirectories(dir.resolve("hls")), Content.clean(12), 2);
    }

    private void putSegments() throws Exception {
        for (String name : SEGMENTS) {
            sources.putFile(PLAYLIST.resolve(name), dir.resolve("hls").resolve(name));
        }
    }

    private SegmentedHlsStream open(SegmentedHlsStream.Checkpoint resume, Interruption interruption)
            throws MediaException {
        return SegmentedHlsStream.open(PLAYLIST, sources, OPTIONS, interruption, resume, checkpoint::set,
                dir.resolve("work"));
    }

    private static List<AnalysisFrame> frames(SegmentedHlsStream stream, int limit) throws MediaException {
        List<AnalysisFrame> frames = new ArrayList<>();
        for (MediaSample s = stream.next(); s != null; s = frames.size() < limit ? stream.next() : null) {
            if (s instanceof AnalysisFrame f) {
                frames.add(f);
            }
        }
        return frames;
    }

    @Test
    void next_endedPlaylist_everyPictureOnceInStreamTime() throws Exception {
        putSegments();
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS, true);

        try (SegmentedHlsStream stream = open(null, null)) {
            List<AnalysisFrame> frames = frames(stream, Integer.MAX_VALUE);

            assertEquals(PLAYLIST.toString(), stream.info().source(), "the stream is named by its playlist");
            assertEquals(300, frames.size(), "12 s at 25 fps, from six segments decoded one by one");
            assertEquals(0.0, frames.get(0).time(), 1e-6, "stream time starts at the first picture");
            for (int i = 1; i < frames.size(); i++) {
                assertEquals(frames.get(i - 1).time() + 0.04, frames.get(i).time(), 1e-3,
                        "segments join without a gap or overlap at picture " + i);
            }
            assertEquals(12.0, stream.endTime(), 0.05, "end of the last segment");
        }
        try (var files = Files.list(dir.resolve("work"))) {
            assertEquals(0, files.count(), "every temporary segment file deleted");
        }
    }

    @Test
    void next_livePlaylist_startsThreeSegmentsFromTheEndAndFollowsItUntilItEnds() throws Exception {
        putSegments();
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 4), false);

        try (SegmentedHlsStream stream = open(null, null)) {
            sources.putPlaylist(PLAYLIST, 0, SEGMENTS, true);
            List<AnalysisFrame> frames = frames(stream, Integer.MAX_VALUE);

            assertEquals(250, frames.size(), "segments 1 to 5: three from the end of the first reading, then two more");
            assertEquals(0.0, frames.get(0).time(), 1e-6, "stream time starts where the monitor joined");
            assertEquals(6, checkpoint.get().nextSequence(), "the last checkpoint is past the last segment read");
        }
    }

    @Test
    void next_liveSegmentPublishedLater_waitsForItWithoutLosingAnything() throws Exception {
        putSegments();
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 1), false);
        Thread publisher = new Thread(() -> {
            try {
                Thread.sleep(1500);
                sources.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 2), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        try (SegmentedHlsStream stream = open(null, new Interruption())) {
            publisher.start();
            List<AnalysisFrame> frames = frames(stream, Integer.MAX_VALUE);
            publisher.join();

            assertEquals(100, frames.size(), "the first segment, then the one published while the stream waited");
            assertTrue(sources.fetches() >= 4, "the playlist was fetched again while waiting: " + sources.fetches());
        }
    }

    @Test
    void next_listedSegmentMissing_failsAfterEarlierPicturesAndResumesThereFromCheckpoint() throws Exception {
        putSegments();
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS, true);
        sources.remove(PLAYLIST.resolve("seg002.ts"));

        try (SegmentedHlsStream stream = open(null, null)) {
            List<AnalysisFrame> before = new ArrayList<>();
            MediaException e = assertThrows(MediaException.class, () -> framesInto(stream, before));

            assertEquals(MediaException.Reason.READ_FAILED, e.reason(), "input loss, not a bad source");
            assertTrue(e.getMessage().contains("seg002.ts") && e.getMessage().contains("missing"),
                    () -> "names the missing segment: " + e.getMessage());
            assertEquals(100, before.size(), "the two segments before it were read");
        }
        assertEquals(2, checkpoint.get().nextSequence(), "checkpoint at the missing segment");

        sources.putFile(PLAYLIST.resolve("seg002.ts"), dir.resolve("hls").resolve("seg002.ts"));
        try (SegmentedHlsStream resumed = open(checkpoint.get(), null)) {
            List<AnalysisFrame> rest = frames(resumed, Integer.MAX_VALUE);

            assertEquals(4.0, rest.get(0).time(), 1e-6, "resumes at the missing segment, in the same stream time");
            assertEquals(200, rest.size(), "segments 2 to 5");
        }
    }

    /** Reads into {@code into} until the stream ends or fails. */
    private static void framesInto(SegmentedHlsStream stream, List<AnalysisFrame> into) throws MediaException {
        for (MediaSample s = stream.next(); s != null; s = stream.next()) {
            if (s instanceof AnalysisFrame f) {
                into.add(f);
            }
        }
    }

    @Test
    void next_playlistDeletedWhileLive_readFailedSayingItIsGone() throws Exception {
        putSegments();
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 1), false);

        try (SegmentedHlsStream stream = open(null, null)) {
            sources.remove(PLAYLIST);
            List<AnalysisFrame> read = new ArrayList<>();
            MediaException e = assertThrows(MediaException.class, () -> framesInto(stream, read));

            assertEquals(MediaException.Reason.READ_FAILED, e.reason(), "a stream that disappears is input loss");
            assertTrue(e.getMessage().contains("gone"), () -> "says the playlist is gone: " + e.getMessage());
            assertEquals(50, read.size(), "the segment read before it went");
        }
    }

    @Test
    void next_windowMovedPastUnreadSegments_readFailedNamingThem() throws Exception {
        putSegments();
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 4), false);

        try (SegmentedHlsStream stream = open(null, null)) {
            sources.putPlaylist(PLAYLIST, 5, SEGMENTS.subList(5, 6), false);
            MediaException e = assertThrows(MediaException.class, () -> framesInto(stream, new ArrayList<>()));

            assertEquals(MediaException.Reason.READ_FAILED, e.reason(), "segments never analysed are input loss");
            assertTrue(e.getMessage().contains("segments 4 to 4 left the playlist"), () -> "names them: " + e.getMessage());
        }
    }

    @Test
    void next_interruptedWhileWaitingForASegment_readFailed() throws Exception {
        putSegments();
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 1), false);
        Interruption interruption = new Interruption();

        try (SegmentedHlsStream stream = open(null, interruption)) {
            frames(stream, 50);
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                interruption.interrupt();
            });
            watchdog.start();
            MediaException e = assertThrows(MediaException.class, stream::next);
            watchdog.join();

            assertEquals(MediaException.Reason.READ_FAILED, e.reason(), "reason");
            assertTrue(e.getMessage().contains("interrupted while waiting for segment 1"), e.getMessage());
        }
    }

    @Test
    void open_missingPlaylist_notFound() {
        MediaException e = assertThrows(MediaException.class, () -> open(null, null));

        assertEquals(MediaException.Reason.NOT_FOUND, e.reason(), "a stream that never existed");
    }

    @Test
    void open_masterPlaylist_notMediaNamingAVariant() {
        sources.put(PLAYLIST, "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\nlow/index.m3u8\n"
                .getBytes(StandardCharsets.UTF_8));

        MediaException e = assertThrows(MediaException.class, () -> open(null, null));

        assertEquals(MediaException.Reason.NOT_MEDIA, e.reason(), "reason");
        assertTrue(e.getMessage().contains("s3://streams/news/low/index.m3u8"), () -> "names a variant: " + e.getMessage());
    }

    @Test
    void open_notAPlaylist_notMedia() {
        sources.put(PLAYLIST, "hello".getBytes(StandardCharsets.UTF_8));

        MediaException e = assertThrows(MediaException.class, () -> open(null, null));

        assertEquals(MediaException.Reason.NOT_MEDIA, e.reason(), "reason");
    }

    @Test
    void open_firstSegmentNotMedia_notMediaNamingTheSegment() {
        sources.put(PLAYLIST.resolve("seg000.ts"), "not video".getBytes(StandardCharsets.UTF_8));
        sources.putPlaylist(PLAYLIST, 0, SEGMENTS.subList(0, 1), true);

        MediaException e = assertThrows(MediaException.class, () -> open(null, null));

        assertNotNull(e.getMessage(), "message");
        assertTrue(e.reason() == MediaException.Reason.NOT_MEDIA || e.reason() == MediaException.Reason.NO_USABLE_STREAM,
                () -> "a bad source, never retried: " + e.reason());
        assertTrue(e.getMessage().contains("s3://streams/news/seg000.ts"), () -> "names the segment: " + e.getMessage());
        assertNull(checkpoint.get(), "no checkpoint for a stream that never started");
    }
}
