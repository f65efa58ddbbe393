package avmon.monolith.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A live HLS origin on 127.0.0.1 for tests: serves {@code /live/index.m3u8} listing the segments published
 * so far of a VOD rendition written beforehand, without {@code #EXT-X-ENDLIST} until {@link #end()}, so FFmpeg
 * follows it as a live playlist and re-reads it as it grows.
 */
public final class GrowingPlaylistServer implements AutoCloseable {

    private record Segment(double duration, String name) {
    }

    private final Path dir;
    private final List<Segment> segments = new ArrayList<>();
    private final HttpServer server;
    private int published;
    private boolean ended;

    /** Serves the segments of {@code vodPlaylist} (written by {@link TestMedia#writeHls}), {@code initially} of them at once. */
    public GrowingPlaylistServer(Path vodPlaylist, int initially) throws IOException {
        this.dir = vodPlaylist.getParent();
        double duration = 0;
        for (String line : Files.readAllLines(vodPlaylist)) {
            if (line.startsWith("#EXTINF:")) {
                duration = Double.parseDouble(line.substring(8, line.indexOf(',')));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                segments.add(new Segment(duration, line.trim()));
            }
        }
        this.published = Math.min(initially, segments.size());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/live/", this::serve);
        server.start();
    }

    /** The playlist's URL. */
    public String playlistUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/live/index.m3u8";
    }

    /** How many segments the rendition has. */
    public int segmentCount() {
        return segments.size();
    }

    /** Publishes the next segment; false when all are published. */
    public synchronized boolean publishNext() {
        if (published >= segments.size()) {
            return false;
        }
        published++;
        return true;
    }

    /** Publishes every segment and ends the playlist. */
    public synchronized void end() {
        published = segments.size();
        ended = true;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/live/".length());
        byte[] body;
        String type;
        if (name.equals("index.m3u8")) {
            body = playlist().getBytes(StandardCharsets.UTF_8);
            type = "application/vnd.apple.mpegurl";
        } else if (name.matches("seg\\d+\\.ts") && Files.exists(dir.resolve(name))) {
            body = Files.readAllBytes(dir.resolve(name));
            type = "video/mp2t";
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private synchronized String playlist() {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        double target = segments.stream().mapToDouble(Segment::duration).max().orElse(2);
        m3u8.append("#EXT-X-TARGETDURATION:").append((int) Math.ceil(target)).append('\n');
        m3u8.append("#EXT-X-MEDIA-SEQUENCE:0\n");
        for (Segment s : segments.subList(0, published)) {
            m3u8.append(String.format(Locale.ROOT, "#EXTINF:%.6f,%n%s%n", s.duration(), s.name()));
        }
        if (ended) {
            m3u8.append("#EXT-X-ENDLIST\n");
        }
        return m3u8.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
