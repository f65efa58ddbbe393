package avmon.core.source;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which sources a deployed function may fetch: {@code s3://} objects in its own bucket, and {@code https://}
 * URLs on hosts an operator allowed. Everything else (file:, plain http:, other buckets, hosts that resolve
 * to link-local, loopback or metadata addresses) is rejected before anything is fetched, so a crafted event
 * cannot make a function read its own credentials or the local disk.
 *
 * <p>An allowed host is a name ({@code cdn.example.com}) or a suffix pattern ({@code *.example.com}).
 */
public final class SourcePolicy {

    private final String bucket;
    private final Set<String> allowedHosts;
    private final boolean allowLoopback;

    /**
     * @param bucket        the one bucket {@code s3://} sources may name, or {@code null} for none
     * @param allowedHosts  hosts {@code https://} sources may name
     * @param allowLoopback whether loopback addresses are allowed (local runs and tests only; never deployed)
     */
    public SourcePolicy(String bucket, Set<String> allowedHosts, boolean allowLoopback) {
        this.bucket = bucket;
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.allowLoopback = allowLoopback;
    }

    /**
     * Checks a source and returns it as a URI.
     *
     * @throws SourceRejectedException naming the rule it breaks
     */
    public URI check(String source) throws SourceRejectedException {
        URI uri;
        try {
            uri = URI.create(source);
        } catch (IllegalArgumentException e) {
            throw new SourceRejectedException(source, "not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "s3" -> checkS3(source, uri);
            case "https" -> checkHttps(source, uri);
            default -> throw new SourceRejectedException(source,
                    "only s3:// (bucket " + bucket + ") and https:// sources on the allow-list are accepted");
        }
        return uri;
    }

    private void checkS3(String source, URI uri) throws SourceRejectedException {
        if (bucket == null || !bucket.equals(uri.getHost())) {
            throw new SourceRejectedException(source, "s3 sources must be in bucket " + bucket);
        }
        String key = uri.getPath();
        if (key == null || key.length() < 2 || key.contains("/../") || key.endsWith("/..")) {
            throw new SourceRejectedException(source, "not an object key");
        }
    }

    private void checkHttps(String source, URI uri) throws SourceRejectedException {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getUserInfo() != null) {
            throw new SourceRejectedException(source, "credentials in the URL are not accepted");
        }
        if (!hostAllowed(host)) {
            throw new SourceRejectedException(source, "host " + host + " is not on the allow-list " + allowedHosts);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new SourceRejectedException(source, "host " + host + " does not resolve");
        }
        for (InetAddress a : addresses) {
            if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()
                    || (a.isLoopbackAddress() && !allowLoopback) || isMetadataAddress(a)) {
                throw new SourceRejectedException(source, "host " + host + " resolves to a local or metadata address "
                        + a.getHostAddress());
            }
        }
    }

    private boolean hostAllowed(String host) {
        for (String allowed : allowedHosts) {
            String a = allowed.toLowerCase(Locale.ROOT);
            if (a.startsWith("*.") ? host.endsWith(a.substring(1)) : host.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** The instance metadata service: 169.254.169.254 (link-local, caught above) and fd00:ec2::254. */
    private static boolean isMetadataAddress(InetAddress a) {
        return a.getHostAddress().startsWith("fd00:ec2:0:0:0:0:0:254");
    }
}
