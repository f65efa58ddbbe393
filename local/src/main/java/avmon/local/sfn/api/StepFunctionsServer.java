package avmon.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Step Functions API over HTTP on 127.0.0.1 (AWS JSON 1.0: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}), so the AWS SDK's {@code SfnClient} drives a
 * {@link StepFunctionsService} with only an endpoint override. Any credentials are accepted: signatures
 * are not checked. Errors are HTTP 400 with {@code {"__type": "<ErrorCode>", "message": ...}}, which
 * the SDK turns into its typed exceptions.
 *
 * <p>Closing the server stops the HTTP port only; the service belongs to whoever created it.
 */
public final class StepFunctionsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** StartSyncExecution holds a request thread until its execution ends. */
    private static final int REQUEST_THREADS = 64;

    private final HttpServer http;
    private final ExecutorService requestThreads;
    private final StepFunctionsJsonApi api;

    private StepFunctionsServer(StepFunctionsService service, int port) throws IOException {
        this.api = new StepFunctionsJsonApi(service);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.requestThreads = Executors.newFixedThreadPool(REQUEST_THREADS, new DaemonThreadFactory("sfn-http"));
        http.setExecutor(requestThreads);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Serves {@code service} on an ephemeral port of 127.0.0.1. */
    public static StepFunctionsServer start(StepFunctionsService service) {
        return start(service, 0);
    }

    /** Serves {@code service} on {@code port} of 127.0.0.1 (0: any free port). */
    public static StepFunctionsServer start(StepFunctionsService service, int port) {
        try {
            return new StepFunctionsServer(service, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The URI to give {@code SfnClient.builder().endpointOverride(...)}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        requestThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX)
                    ? target.substring(TARGET_PREFIX.length()) : null;
            if (!"POST".equals(exchange.getRequestMethod()) || operation == null || !api.supports(operation)) {
                sendError(exchange, 400, "UnknownOperationException",
                        "Unsupported operation: " + exchange.getRequestMethod() + " " + target);
                return;
            }
            ObjectNode request = readRequest(exchange.getRequestBody());
            if (request == null) {
                sendError(exchange, 400, "SerializationException", "The request body is not a JSON object");
                return;
            }
            answer(exchange, operation, request);
        }
    }

    private void answer(HttpExchange exchange, String operation, ObjectNode request) throws IOException {
        try {
            send(exchange, 200, api.call(operation, request));
        } catch (StepFunctionsException e) {
            sendError(exchange, 400, e.code().name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendError(exchange, 500, "InternalFailure", "The local service is shutting down");
        } catch (RuntimeException e) {
            LOG.warn("{} failed", operation, e);
            sendError(exchange, 500, "InternalFailure", operation + " failed in the local service: " + e);
        }
    }

    private static ObjectNode readRequest(InputStream body) {
        try {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0) {
                return JSON.createObjectNode();
            }
            JsonNode parsed = JSON.readTree(bytes);
            return parsed instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
