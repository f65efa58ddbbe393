package avmon.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.source.FileSourceFetcher;
import avmon.core.source.PlaylistException;
import avmon.core.source.SourceException;
import avmon.core.store.InMemoryFrameStore;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentConverterTest {

    @TempDir
    static Path dir;

    private static GeneratedStream stream;

    private final InMemoryFrameStore store = new InMemoryFrameStore();
    private final SegmentConverter converter =
            new SegmentConverter(new FileSourceFetcher(), store, MediaOptions.defaults(), dir.resolve("work"));

    @BeforeAll
    static void generate() throws Exception {
        stream = new StreamGenerator().generate(StreamSpec.of("conv", 7).withDuration(6).withSize(320, 180),
                dir.resolve("streams"));
    }

    @Test
    void convert_everySegment_framesMatchWholeStreamDecodeInStreamTime() throws Exception {
        List<Double> segmentTimes = new ArrayList<>();
        Double origin = null;
        ConvertResult result = null;
        for (int n = 0; n < stream.segments(); n++) {
            result = converter.convert(new ConvertRequest("conv", playlist(), n, origin));
            origin = result.origin();
            assertEquals(n == stream.segments() - 1, result.last(), "only the final segment is last");
            store.frames(result.manifest()).forEach(f -> segmentTimes.add(f.time()));
            assertNotNull(store.audio(result.manifest()), "each segment's audio is stored");
        }
        assertEquals(wholeStreamFrameTimes(), segmentTimes, "segment by segment gives the whole stream's frame times");
        assertEquals(6.0, result.segmentEnd(), 0.05, "the last segment ends where the stream does");
    }

    @Test
    void convert_segment_storesUnderStreamAndSegmentKeys() throws Exception {
        ConvertResult r = converter.convert(new ConvertRequest("conv", playlist(), 0, null));

        assertEquals(50, r.manifest().frames().size(), "2 s at 25 fps");
        assertTrue(store.keys().contains("frames/conv/000000/audio.pcm"), store.keys().toString());
        assertTrue(store.keys().contains("frames/conv/000000/00000000.png"), store.keys().toString());
        assertFalse(r.pending());
    }

    @Test
    void convert_badInputs_typedErrors() throws Exception {
        SourceException missing = assertThrows(SourceException.class,
                () -> converter.convert(new ConvertRequest("conv", dir.resolve("nope.m3u8").toUri().toString(), 0, null)));
        assertEquals(SourceException.Reason.NOT_FOUND, missing.reason());

        assertThrows(SegmentOutOfRangeException.class,
                () -> converter.convert(new ConvertRequest("conv", playlist(), 99, null)));

        Path notPlaylist = Files.writeString(dir.resolve("bad.m3u8"), "<html>not found</html>");
        assertThrows(PlaylistException.class,
                () -> converter.convert(new ConvertRequest("conv", notPlaylist.toUri().toString(), 0, null)));

        Path garbage = dir.resolve("garbage");
        Files.createDirectories(garbage);
        Files.write(garbage.resolve("seg.ts"), new byte[4096]);
        Files.writeString(garbage.resolve("index.m3u8"), "#EXTM3U\n#EXTINF:2,\nseg.ts\n#EXT-X-ENDLIST\n");
        assertThrows(MediaException.class, () -> converter.convert(
                new ConvertRequest("conv", garbage.resolve("index.m3u8").toUri().toString(), 0, null)));

        assertThrows(IllegalArgumentException.class,
                () -> converter.convert(new ConvertRequest("../etc", playlist(), 0, null)), "stream id checked");
    }

    @Test
    void convert_liveSegmentNotPublishedYet_pending() throws Exception {
        Path live = dir.resolve("live");
        Files.createDirectories(live);
        Files.copy(stream.directory().resolve("seg00000.ts"), live.resolve("seg00000.ts"));
        Files.writeString(live.resolve("index.m3u8"), "#EXTM3U\n#EXTINF:2,\nseg00000.ts\n");

        ConvertResult r = converter.convert(new ConvertRequest("conv", live.resolve("index.m3u8").toUri().toString(), 1, 1.4));
        assertTrue(r.pending(), "segment 1 is not in the live playlist yet");
        assertEquals(1.4, r.origin(), "the origin is kept for the retry");
    }

    private static String playlist() {
        return stream.playlist().toUri().toString();
    }

    private static List<Double> wholeStreamFrameTimes() throws Exception {
        List<Double> times = new ArrayList<>();
        try (FfmpegMediaStream media = FfmpegMediaStream.open(stream.playlist().toString(), MediaOptions.defaults())) {
            for (MediaSample s = media.next(); s != null; s = media.next()) {
                if (s instanceof AnalysisFrame f) {
                    times.add(f.time());
                }
            }
        }
        return times;
    }
}
