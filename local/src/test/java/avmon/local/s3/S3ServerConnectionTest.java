package avmon.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.local.LocalCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * How the server reads a PutObject's body, over a socket the test writes to itself: the last bytes of
 * the body are held back so that what the server does before they arrive shows deterministically.
 */
class S3ServerConnectionTest {

    private static final LocalCredentials CREDENTIALS = LocalCredentials.DEFAULT;
    /**
     * How long the server gets to answer a request whose body is not all there; it must not. A warm server
     * answers a small put in milliseconds, so one that answers early does so well within this.
     */
    private static final int HOLD_BACK_MILLIS = 1_000;
    /** How long the server gets to answer a request it can answer. */
    private static final int ANSWER_MILLIS = 10_000;
    private static S3Server server;

    @BeforeAll
    static void start() {
        server = S3Server.start(S3Storage.inMemory(), CREDENTIALS);
        server.createBucket("frames");
        // The first put loads the classes that read and store a body, which can take longer than the
        // hold-back; a server that would answer early must be seen doing so.
        try (S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true)
                .serviceConfiguration(S3Server.clientConfiguration()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS.provider()).httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.putObject(b -> b.bucket("frames").key("warm/up"), RequestBody.fromString("warm up"));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void putObject_clientConfiguration_serverReadsWholeBodyAndKeepsConnection() throws IOException {
        RecordedRequest put = putRecordedWith(S3Server.clientConfiguration());
        assertNull(put.header("Content-Encoding"), "the body is sent plainly, not aws-chunked");
        byte[] bytes = put.bytes();

        try (Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(bytes, 0, bytes.length - 1);
            socket.setSoTimeout(HOLD_BACK_MILLIS);
            assertThrows(SocketTimeoutException.class, in::read,
                    "the server waits for the last byte of the body before it answers");

            socket.setSoTimeout(ANSWER_MILLIS);
            out.write(bytes, bytes.length - 1, 1);
            assertEquals(200, readResponse(in), "status once the whole body arrived");
            out.write(bytes);
            assertEquals(200, readResponse(in), "the same connection serves the next request");
        }
    }

    /**
     * Why {@link S3Server#clientConfiguration()} exists. Should S3Proxy one day read an aws-chunked body to
     * its end, this fails (the read times out) and the configuration can go.
     */
    @Test
    void putObject_awsChunkedBody_serverAnswersBeforeBodyEndsAndClosesConnection() throws IOException {
        RecordedRequest put = putRecordedWith(S3Configuration.builder().build());
        assertEquals("aws-chunked", put.header("Content-Encoding"), "the SDK's default body encoding");
        byte[] bytes = put.bytes();

        try (Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
            socket.setSoTimeout(ANSWER_MILLIS);
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(bytes, 0, bytes.length - 1);

            assertEquals(200, readResponse(in), "S3Proxy answers before the end of the body arrived");
            assertEquals(-1, in.read(), "and closes the connection the client is still writing the body to");
        }
    }

    private static RecordedRequest putRecordedWith(S3Configuration configuration) {
        return RecordedRequest.of(server, CREDENTIALS, configuration,
                s3 -> s3.putObject(b -> b.bucket("frames").key("held/back"), RequestBody.fromString("frame bytes")));
    }

    /** Reads one response (status line, headers, a Content-Length or chunked body); returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = readLine(in);
        long length = 0;
        boolean chunked = false;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine(in).trim(), 16); size > 0;
                    size = Long.parseLong(readLine(in).trim(), 16)) {
                in.readNBytes((int) size);
                readLine(in);
            }
            readLine(in);
        } else {
            in.readNBytes((int) length);
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("the connection closed in the middle of a response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
