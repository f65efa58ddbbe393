package avmon.local.sns;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Turns a Subscribe request's protocol and endpoint into a {@link Subscriber}, refusing what the local SNS
 * will not deliver to: HTTP endpoints off the loopback interface (so no request can reach another host
 * or a metadata address), files outside an existing directory, and protocols it does not have.
 */
final class SubscriberEndpoints {

    // Built on the first HTTP subscription: the JDK's client costs about a second of class loading.
    private HttpClient httpClient;

    /**
     * @throws SnsException {@code InvalidParameter} naming what is wrong with the protocol or endpoint
     */
    Subscriber subscriber(String protocol, String endpoint, boolean rawDelivery) {
        if (endpoint == null || endpoint.isBlank()) {
            throw SnsException.invalidParameter("Endpoint");
        }
        return switch (protocol == null ? "" : protocol) {
            case "http", "https" -> new HttpSubscriber(httpClient(), loopbackUrl(protocol, endpoint), rawDelivery);
            case "file" -> new JsonLinesFileSubscriber(jsonLinesFile(endpoint));
            default -> throw SnsException.invalidParameter("Protocol: " + protocol + " is not supported by the"
                    + " local SNS (http, https, file)");
        };
    }

    private synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return httpClient;
    }

    private static URI loopbackUrl(String protocol, String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw SnsException.invalidParameter("Endpoint: not a URL: " + endpoint);
        }
        if (!protocol.equals(uri.getScheme()) || uri.getHost() == null) {
            throw SnsException.invalidParameter("Endpoint: must be a " + protocol + " URL: " + endpoint);
        }
        boolean loopback;
        try {
            // A literal address or a name from the hosts file; any other host is refused before a request.
            loopback = InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw SnsException.invalidParameter("Endpoint: unknown host: " + uri.getHost());
        }
        if (!loopback) {
            throw SnsException.invalidParameter("Endpoint: the local SNS delivers only to loopback addresses: "
                    + endpoint);
        }
        return uri;
    }

    private static Path jsonLinesFile(String endpoint) {
        Path file;
        try {
            file = endpoint.startsWith("file:") ? Path.of(URI.create(endpoint)) : Path.of(endpoint);
        } catch (IllegalArgumentException e) {
            throw SnsException.invalidParameter("Endpoint: not a file path: " + endpoint);
        }
        if (!file.isAbsolute() || file.getParent() == null || !Files.isDirectory(file.getParent())
                || Files.isDirectory(file)) {
            throw SnsException.invalidParameter("Endpoint: must be an absolute path to a file in an existing"
                    + " directory: " + endpoint);
        }
        return file;
    }
}
