package avmon.monolith.testing;

import avmon.core.source.SourceException;
import avmon.core.source.SourceFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Playlists and segments held in memory under any URI (such as {@code s3://bucket/key}), changed by the test
 * while a stream reads them: a store like S3 without the network. Thread-safe.
 */
public final class InMemorySources implements SourceFetcher {

    private final Map<URI, byte[]> objects = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();

    @Override
    public byte[] fetch(URI uri) throws SourceException {
        fetches.incrementAndGet();
        byte[] bytes = objects.get(uri);
        if (bytes == null) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, uri, "no such object: " + uri, null);
        }
        return bytes;
    }

    /** How many fetches were made, found or not. */
    public int fetches() {
        return fetches.get();
    }

    public void put(URI uri, byte[] bytes) {
        objects.put(uri, bytes);
    }

    public void putFile(URI uri, Path file) throws IOException {
        put(uri, Files.readAllBytes(file));
    }

    public void remove(URI uri) {
        objects.remove(uri);
    }

    /**
     * Publishes a media playlist at {@code uri} listing {@code names} (2 s segments, relative to the playlist)
     * from media sequence {@code firstSequence}, ended or still live.
     */
    public void putPlaylist(URI uri, long firstSequence, List<String> names, boolean ended) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n");
        m3u8.append("#EXT-X-MEDIA-SEQUENCE:").append(firstSequence).append('\n');
        for (String name : names) {
            m3u8.append(String.format(Locale.ROOT, "#EXTINF:2.000000,%n%s%n", name));
        }
        if (ended) {
            m3u8.append("#EXT-X-ENDLIST\n");
        }
        put(uri, m3u8.toString().getBytes(StandardCharsets.UTF_8));
    }
}
