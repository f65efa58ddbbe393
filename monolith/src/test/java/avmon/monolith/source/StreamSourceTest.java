package avmon.monolith.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamSourceTest {

    @Test
    void parse_plainFile_idFromFileName() {
        StreamSource s = StreamSource.parse("/media/news-1.ts");

        assertEquals("news-1", s.id(), "id");
        assertEquals(StreamSource.Kind.FILE, s.kind(), "kind");
        assertFalse(s.live(), "files are read at full speed");
    }

    @Test
    void parse_genericPlaylistName_idFromItsFolder() {
        assertEquals("channel7", StreamSource.parse("https://cdn.test/live/channel7/index.m3u8?token=a=b").id(),
                "URL playlist named index");
        assertEquals("sport", StreamSource.parse("/streams/sport/playlist.m3u8").id(), "file playlist named playlist");
    }

    @Test
    void parse_idEqualsSource_keepsUrlQueryIntact() {
        StreamSource s = StreamSource.parse("cam1=https://cdn.test/a.m3u8?x=1");

        assertEquals("cam1", s.id(), "id");
        assertEquals("https://cdn.test/a.m3u8?x=1", s.location(), "location");
        assertTrue(s.live(), "HTTP inputs are followed live");
    }

    @Test
    void parse_urlWithoutId_queryEqualsIsNotTakenForAnId() {
        StreamSource s = StreamSource.parse("http://cdn.test/feed.m3u8?auth=abc");

        assertEquals("feed", s.id(), "id");
        assertEquals("http://cdn.test/feed.m3u8?auth=abc", s.location(), "location");
    }

    @Test
    void parse_s3Playlist_followedLiveWithIdFromItsFolder() {
        StreamSource s = StreamSource.parse("s3://media-bucket/live/channel7/index.m3u8");

        assertEquals(StreamSource.Kind.S3, s.kind(), "kind");
        assertEquals("channel7", s.id(), "id");
        assertEquals("s3://media-bucket/live/channel7/index.m3u8", s.location(), "location kept as given");
        assertTrue(s.live(), "S3 playlists are followed live");
    }

    @Test
    void parse_malformedS3Uri_rejectedSayingWhatIsWrong() {
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> StreamSource.parse("s3://media-bucket/"));
        assertTrue(noKey.getMessage().contains("name the playlist's key"), noKey.getMessage());
        IllegalArgumentException badBucket = assertThrows(IllegalArgumentException.class,
                () -> StreamSource.parse("s3://Media_Bucket/live/index.m3u8"));
        assertTrue(badBucket.getMessage().contains("the bucket must be"), badBucket.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamSource.parse("s3:///live/index.m3u8"), "no bucket");
        assertThrows(IllegalArgumentException.class, () -> StreamSource.parse("s3://b/x.m3u8"), "bucket too short");
    }

    @Test
    void parse_otherScheme_unsupportedWithReason() {
        UnsupportedSourceException e = assertThrows(UnsupportedSourceException.class,
                () -> StreamSource.parse("rtmp://host/app"));
        assertTrue(e.getMessage().contains("'rtmp' inputs are not supported"), e.getMessage());
    }

    @Test
    void parseAll_duplicateIds_rejectedWithHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamSource.parseAll(List.of("/a/news.ts", "/b/news.ts")));

        assertTrue(e.getMessage().contains("ID=SOURCE"), e.getMessage());
    }

    @Test
    void parse_noSourceAfterId_rejected() {
        assertThrows(IllegalArgumentException.class, () -> StreamSource.parse("cam1="));
    }
}
