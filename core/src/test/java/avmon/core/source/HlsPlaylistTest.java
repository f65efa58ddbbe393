package avmon.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HlsPlaylistTest {

    private static final URI BASE = URI.create("s3://media/streams/s1/index.m3u8");

    @Test
    void parse_vodPlaylist_segmentsResolvedWithStartsAndSequence() throws Exception {
        HlsPlaylist p = HlsPlaylist.parse(BASE, """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXTINF:2.000000,
                seg00000.ts
                #EXTINF:1.96,title
                sub/seg00001.ts
                #EXTINF:2,
                https://cdn.example.com/x/seg00002.ts
                #EXT-X-ENDLIST
                """);

        assertTrue(p.ended());
        assertFalse(p.isMaster());
        assertEquals(3, p.segments().size());
        assertEquals(URI.create("s3://media/streams/s1/seg00000.ts"), p.segments().get(0).uri());
        assertEquals(URI.create("s3://media/streams/s1/sub/seg00001.ts"), p.segments().get(1).uri());
        assertEquals(URI.create("https://cdn.example.com/x/seg00002.ts"), p.segments().get(2).uri());
        assertEquals(8, p.segments().get(1).sequence());
        assertEquals(3.96, p.segments().get(2).start(), 1e-9);
    }

    @Test
    void parse_livePlaylistWithoutEndList_notEnded() throws Exception {
        HlsPlaylist p = HlsPlaylist.parse(BASE, "#EXTM3U\r\n#EXTINF:2,\r\na.ts\r\n");
        assertFalse(p.ended());
        assertEquals(1, p.segments().size());
    }

    @Test
    void parse_masterPlaylist_listsVariants() throws Exception {
        HlsPlaylist p = HlsPlaylist.parse(URI.create("https://h/master.m3u8"), """
                #EXTM3U
                #EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360
                low/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1280x720
                high/index.m3u8
                """);
        assertTrue(p.isMaster());
        assertEquals(URI.create("https://h/high/index.m3u8"), p.variants().get(1));
    }

    @Test
    void parse_badInput_namesPlaylistAndLine() {
        PlaylistException notM3u = assertThrows(PlaylistException.class, () -> HlsPlaylist.parse(BASE, "<html>"));
        assertTrue(notM3u.getMessage().contains("no #EXTM3U"), notM3u.getMessage());
        PlaylistException badDuration = assertThrows(PlaylistException.class,
                () -> HlsPlaylist.parse(BASE, "#EXTM3U\n#EXTINF:two,\na.ts\n"));
        assertTrue(badDuration.getMessage().contains("line 2"), badDuration.getMessage());
        assertThrows(PlaylistException.class, () -> HlsPlaylist.parse(BASE, "#EXTM3U\na.ts\n"));
    }
}
