package avmon.local.sns;

import avmon.local.auth.SigV4Verifier;
import avmon.local.auth.SignatureRejectedException;
import avmon.local.auth.SignedRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNS's Query API over HTTP on 127.0.0.1, for {@code SnsClient} with {@code endpointOverride}. Requests
 * must be SigV4-signed with the local credentials, except the unsigned {@code Unsubscribe} GET that
 * notifications carry as their UnsubscribeURL.
 */
public final class SnsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnsServer.class);
    /** SNS refuses requests larger than this (256 KB of message plus the form encoding around it). */
    private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;
    private final SnsActions actions;
    private final SigV4Verifier verifier;
    private final URI endpoint;

    private SnsServer(HttpServer server, ExecutorService threads, SnsActions actions, SigV4Verifier verifier) {
        this.server = server;
        this.threads = threads;
        this.actions = actions;
        this.verifier = verifier;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code service} on an ephemeral port of 127.0.0.1. */
    public static SnsServer start(SnsService service, SigV4Verifier verifier) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a port for the local SNS", e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "sns-http");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(threads);
        SnsServer server = new SnsServer(http, threads, new SnsActions(service), verifier);
        http.createContext("/", server::handle);
        http.start();
        service.servedAt(server.endpoint);
        return server;
    }

    /** The URI to give {@code SnsClient.builder().endpointOverride(...)}. */
    public URI endpoint() {
        return endpoint;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = answer(exchange, UUID.randomUUID().toString());
            byte[] bytes = answer.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Answer(int status, String xml) {
    }

    private Answer answer(HttpExchange exchange, String requestId) throws IOException {
        try {
            byte[] body = readBody(exchange.getRequestBody());
            String method = exchange.getRequestMethod();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            boolean get = "GET".equals(method);
            // The UnsubscribeURL in notifications works unsigned, as on AWS; everything else is signed.
            if (!(get && "Unsubscribe".equals(QueryParameters.parse(rawQuery).optional("Action")))) {
                verifier.verify(new SignedRequest(method, exchange.getRequestURI().getRawPath(), rawQuery,
                        exchange.getRequestHeaders(), body));
            }
            QueryParameters parameters = QueryParameters.parse(get ? rawQuery : new String(body,
                    StandardCharsets.UTF_8));
            String action = parameters.optional("Action");
            if (action == null) {
                throw new SnsException("MissingAction", 400, "The request must contain the parameter Action.");
            }
            return new Answer(200, SnsXml.response(action, actions.run(action, parameters), requestId));
        } catch (SignatureRejectedException e) {
            return new Answer(e.statusCode(), SnsXml.error(e.code(), e.getMessage(), true, requestId));
        } catch (SnsException e) {
            return new Answer(e.statusCode(), SnsXml.error(e.code(), e.getMessage(), e.statusCode() < 500,
                    requestId));
        } catch (RuntimeException e) {
            LOG.error("local SNS failed on a request", e);
            return new Answer(500, SnsXml.error("InternalError", String.valueOf(e), false, requestId));
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        if (body.length > MAX_REQUEST_BYTES) {
            throw new SnsException("RequestEntityTooLarge", 413, "the request is larger than "
                    + MAX_REQUEST_BYTES + " bytes");
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
