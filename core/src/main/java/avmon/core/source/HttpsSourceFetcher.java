package avmon.core.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads HTTP(S) URIs. Redirects are not followed: a redirect could lead past the {@link SourcePolicy} to a
 * host it would have refused.
 */
public final class HttpsSourceFetcher implements SourceFetcher {

    private final HttpClient http;
    private final Duration timeout;

    public HttpsSourceFetcher(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public byte[] fetch(URI uri) throws SourceException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.FAILED, uri, "cannot fetch " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(SourceException.Reason.FAILED, uri, "interrupted fetching " + uri, e);
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, uri, "HTTP " + status + " for " + uri, null);
        }
        if (status != 200) {
            throw new SourceException(SourceException.Reason.FAILED, uri, "HTTP " + status + " for " + uri, null);
        }
        return response.body();
    }
}
