package avmon.test.serverless;

import avmon.aws.lambda.error.SourceUnavailableException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Handlers deployed in place of the real ones to make one stream's function fail in a chosen way. */
final class FaultyHandlers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultyHandlers() {
    }

    /** Throws an unexpected exception for {@code streamId}; the real handler serves every other stream. */
    static RequestStreamHandler throwingFor(String streamId, RequestStreamHandler real) {
        return new Wrapper(real) {
            @Override
            void before(String id) {
                if (streamId.equals(id)) {
                    throw new IllegalStateException("detector crashed on purpose for " + id);
                }
            }
        };
    }

    /** Fails the first call for {@code streamId} as a source that is briefly unavailable, then recovers. */
    static RequestStreamHandler unavailableOnceFor(String streamId, RequestStreamHandler real) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        return new Wrapper(real) {
            @Override
            void before(String id) {
                if (streamId.equals(id) && failed.add(id)) {
                    throw new SourceUnavailableException(id + ": HTTP 503 for the playlist (injected)");
                }
            }
        };
    }

    private abstract static class Wrapper implements RequestStreamHandler {
        private final RequestStreamHandler real;

        Wrapper(RequestStreamHandler real) {
            this.real = real;
        }

        abstract void before(String streamId);

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            byte[] event = input.readAllBytes();
            before(JSON.readTree(event).path("streamId").asText());
            real.handleRequest(new ByteArrayInputStream(event), output, context);
        }
    }
}
