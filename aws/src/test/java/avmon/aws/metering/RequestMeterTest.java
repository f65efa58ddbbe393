package avmon.aws.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Drives a real S3 client against a small HTTP server that answers like S3 (failing the first upload with
 * a 500), so calls, attempts and billable attempts can be told apart.
 */
class RequestMeterTest {

    private HttpServer server;
    private final AtomicInteger putsSeen = new AtomicInteger();
    private final RequestMeter meter = new RequestMeter();
    private S3Client s3;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answerLikeS3);
        server.start();
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(meter))
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    @Test
    void counts_retriedUpload_countsOneCallTwoAttemptsOneBillable() {
        s3.putObject(b -> b.bucket("frames").key("a.jpg"), RequestBody.fromString("jpeg"));

        RequestCount put = meter.count("S3", "PutObject");
        assertEquals(1, put.calls(), "one putObject call");
        assertEquals(2, put.attempts(), "the 500 was retried once");
        assertEquals(1, put.billableAttempts(), "a 5xx answer is not billed");
        assertEquals(1, meter.s3BillableRequests(S3RequestTier.TIER_1), "a PUT is Tier 1");
    }

    @Test
    void counts_missingObject_isBilledAsTier2() {
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket("frames").key("missing")));
        s3.headObject(b -> b.bucket("frames").key("present"));
        s3.deleteObject(b -> b.bucket("frames").key("present"));

        assertEquals(1, meter.count("S3", "GetObject").billableAttempts(), "a 404 is billed");
        assertEquals(2, meter.s3BillableRequests(S3RequestTier.TIER_2), "GET and HEAD are Tier 2");
        assertEquals(1, meter.s3BillableRequests(S3RequestTier.FREE), "DELETE is counted but free");
        assertEquals(0, meter.s3BillableRequests(S3RequestTier.TIER_1), "nothing was uploaded");
    }

    @Test
    void reset_afterCalls_forgetsCounts() {
        s3.headObject(b -> b.bucket("frames").key("present"));
        meter.reset();
        assertEquals(0, meter.counts().size(), "no counts after reset");
    }

    @Test
    void of_operationNames_mapToAwsBillingTiers() {
        assertEquals(S3RequestTier.TIER_1, S3RequestTier.of("PutObject"));
        assertEquals(S3RequestTier.TIER_1, S3RequestTier.of("ListObjectsV2"));
        assertEquals(S3RequestTier.TIER_1, S3RequestTier.of("CopyObject"));
        assertEquals(S3RequestTier.TIER_2, S3RequestTier.of("GetObject"));
        assertEquals(S3RequestTier.TIER_2, S3RequestTier.of("HeadObject"));
        assertEquals(S3RequestTier.FREE, S3RequestTier.of("DeleteObjects"));
    }

    private void answerLikeS3(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        if (method.equals("PUT") && putsSeen.getAndIncrement() == 0) {
            reply(exchange, 500, error("InternalError", "We encountered an internal error. Please try again."));
        } else if (method.equals("PUT")) {
            exchange.getResponseHeaders().add("ETag", "\"abc\"");
            reply(exchange, 200, "");
        } else if (path.endsWith("/missing")) {
            reply(exchange, 404, error("NoSuchKey", "The specified key does not exist."));
        } else if (method.equals("DELETE")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            exchange.getResponseHeaders().add("ETag", "\"abc\"");
            exchange.getResponseHeaders().add("Content-Length", "4");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }
    }

    private static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
