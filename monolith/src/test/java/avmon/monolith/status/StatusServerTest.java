package avmon.monolith.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusServerTest {

    private final List<StreamStatus> streams = List.of(
            new StreamStatus("cam-1", "file:a.m3u8", StreamStatus.State.RUNNING, 12.5, 0.4, 312,
                    Map.of("freeze", 1L, "black", 2L), null, 4.5),
            new StreamStatus("cam\"2", "https://x/b.m3u8", StreamStatus.State.RETRYING, 3.0, 0, 75, Map.of(),
                    "HTTP 404", 0.25));

    private StatusServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new StatusServer("127.0.0.1", 0, new StatusSource() {
            @Override
            public List<StreamStatus> streams() {
                return streams;
            }

            @Override
            public double cpuSeconds() {
                return 1.25;
            }

            @Override
            public long peakMemoryBytes() {
                return 64L << 20;
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void metrics_twoStreams_prometheusTextWithEscapedLabels() throws Exception {
        HttpResponse<String> r = get("/metrics");

        assertEquals(200, r.statusCode());
        assertEquals(PrometheusText.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""));
        String body = r.body();
        assertTrue(body.contains("# TYPE avmon_frames_analysed_total counter\n"), body);
        assertTrue(body.contains("avmon_frames_analysed_total{stream=\"cam-1\"} 312\n"), body);
        assertTrue(body.contains("avmon_stream_cpu_seconds_total{stream=\"cam-1\"} 4.5\n"), body);
        assertTrue(body.contains("avmon_frames_analysed_total{stream=\"cam\\\"2\"} 75\n"), "quote escaped: " + body);
        assertTrue(body.contains("avmon_defects_total{stream=\"cam-1\",type=\"black\"} 2\n"), body);
        assertTrue(body.contains("avmon_stream_lag_seconds{stream=\"cam-1\"} 0.4\n"), body);
        assertTrue(body.contains("avmon_stream_up{stream=\"cam\\\"2\"} 0\n"), "a retrying stream is down: " + body);
        assertTrue(body.contains("process_cpu_seconds_total 1.25\n"), body);
    }

    @Test
    void health_countsStreamsByState() throws Exception {
        HttpResponse<String> r = get("/health");

        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"UP\",\"streams\":{\"RETRYING\":1,\"RUNNING\":1}}", r.body());
    }

    @Test
    void streams_listsStateAndLastError() throws Exception {
        String body = get("/streams").body();

        assertTrue(body.contains("\"streamId\":\"cam-1\"") && body.contains("\"lastError\":\"HTTP 404\""), body);
    }

    @Test
    void unknownPath_notFound() throws Exception {
        assertEquals(404, get("/nope").statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.uri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
