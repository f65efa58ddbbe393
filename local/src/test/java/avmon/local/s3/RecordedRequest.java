package avmon.local.s3;

import avmon.local.LocalCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The bytes of one signed HTTP/1.1 request exactly as an S3 client would send them, recorded by an HTTP
 * client that sends nothing, so that a test can write them to the server itself, at its own pace.
 */
record RecordedRequest(byte[] head, byte[] body) {

    /** The request {@code call} makes on a client for {@code server} built with {@code configuration}. */
    static RecordedRequest of(S3Server server, LocalCredentials credentials, S3Configuration configuration,
            Consumer<S3Client> call) {
        Recorder recorder = new Recorder();
        try (S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true)
                .serviceConfiguration(configuration).region(Region.US_EAST_1)
                .credentialsProvider(credentials.provider()).httpClient(recorder).build()) {
            call.accept(s3);
        }
        if (recorder.recorded == null) {
            throw new IllegalStateException("the call sent no request");
        }
        return recorder.recorded;
    }

    /** Head and body, as they go on the wire. */
    byte[] bytes() {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** The value of a header the client set, or null. */
    String header(String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** Records the first request and answers every request 200 with no body. */
    private static final class Recorder implements SdkHttpClient {

        private RecordedRequest recorded;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    byte[] body = request.contentStreamProvider().isEmpty() ? new byte[0]
                            : readAll(request.contentStreamProvider().get().newStream());
                    if (recorded == null) {
                        recorded = new RecordedRequest(head(request.httpRequest()), body);
                    }
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200).build()).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }

        private static byte[] head(SdkHttpRequest request) {
            URI uri = request.getUri();
            StringBuilder head = new StringBuilder()
                    .append(request.method().name()).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
            if (request.firstMatchingHeader("Host").isEmpty()) {
                head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
            }
            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                for (String value : header.getValue()) {
                    head.append(header.getKey()).append(": ").append(value).append("\r\n");
                }
            }
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        private static byte[] readAll(InputStream in) throws IOException {
            try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        }
    }
}
