package avmon.monolith.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monolith's HTTP status endpoint, for load balancer health checks, operators and Prometheus:
 * <ul>
 *   <li>{@code GET /health}: 200 while the process runs, with stream counts by state;</li>
 *   <li>{@code GET /streams}: every stream with its state, position and lag, as JSON;</li>
 *   <li>{@code GET /metrics}: frames analysed, defects, lag and CPU in Prometheus text format.</li>
 * </ul>
 */
public final class StatusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final StatusSource source;

    /** Starts serving on {@code host:port} ({@code port} 0 picks a free one). */
    public StatusServer(String host, int port, StatusSource source) throws IOException {
        this.source = source;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/health", ex -> reply(ex, 200, "application/json", JSON.writeValueAsString(health())));
        server.createContext("/streams", ex -> reply(ex, 200, "application/json", JSON.writeValueAsString(source.streams())));
        server.createContext("/metrics", ex -> reply(ex, 200, PrometheusText.CONTENT_TYPE, metrics()));
        server.createContext("/", ex -> reply(ex, 404, "text/plain", "try /health, /streams or /metrics\n"));
        server.start();
    }

    /** The address it serves on. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    Map<String, Object> health() {
        Map<String, Long> byState = new TreeMap<>();
        for (StreamStatus s : source.streams()) {
            byState.merge(s.state().name(), 1L, Long::sum);
        }
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "UP");
        h.put("streams", byState);
        return h;
    }

    String metrics() {
        List<StreamStatus> streams = source.streams();
        PrometheusText p = new PrometheusText();
        p.family("avmon_frames_analysed_total", "counter", "Pictures analysed per stream.");
        streams.forEach(s -> p.sample("avmon_frames_analysed_total", PrometheusText.labels("stream", s.streamId()),
                s.framesAnalysed()));
        p.family("avmon_defects_total", "counter", "Defects reported per stream and type.");
        streams.forEach(s -> new TreeMap<>(s.defects()).forEach((type, n) -> p.sample("avmon_defects_total",
                PrometheusText.labels("stream", s.streamId(), "type", type), n)));
        p.family("avmon_stream_lag_seconds", "gauge", "How far analysis is behind the live edge.");
        streams.forEach(s -> p.sample("avmon_stream_lag_seconds", PrometheusText.labels("stream", s.streamId()),
                s.lagSeconds()));
        p.family("avmon_stream_up", "gauge", "1 while the stream's input is being analysed, 0 otherwise.");
        streams.forEach(s -> p.sample("avmon_stream_up", PrometheusText.labels("stream", s.streamId()),
                s.state() == StreamStatus.State.RUNNING || s.state() == StreamStatus.State.BEHIND ? 1 : 0));
        p.family("avmon_stream_cpu_seconds_total", "counter", "CPU time spent decoding and analysing each stream.");
        streams.forEach(s -> p.sample("avmon_stream_cpu_seconds_total", PrometheusText.labels("stream", s.streamId()),
                s.cpuSeconds()));
        p.family("process_cpu_seconds_total", "counter", "CPU time used by the process.");
        p.sample("process_cpu_seconds_total", source.cpuSeconds());
        p.family("avmon_peak_heap_bytes", "gauge", "Peak heap use of the process.");
        p.sample("avmon_peak_heap_bytes", source.peakMemoryBytes());
        if (source.peakResidentBytes() >= 0) {
            p.family("avmon_peak_resident_bytes", "gauge", "Peak resident memory of the process, native buffers included.");
            p.sample("avmon_peak_resident_bytes", source.peakResidentBytes());
        }
        return p.toString();
    }

    private static void reply(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", contentType);
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            status = 405;
            bytes = new byte[0];
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
