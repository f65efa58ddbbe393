package avmon.local.auth;

import avmon.local.LocalCredentials;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on a request's {@code Authorization} header: recomputes the signature
 * from the request and the local secret key and compares. Requests older or newer than 15 minutes are
 * refused, as AWS refuses them.
 */
public final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\s*,"
                    + "\\s*SignedHeaders=([a-z0-9;_.-]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final HexFormat HEX = HexFormat.of();

    private final LocalCredentials credentials;
    private final Clock clock;

    public SigV4Verifier(LocalCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * @throws SignatureRejectedException when the request is unsigned, signed by another key, signed
     *                                    wrongly, or signed too long ago
     */
    public void verify(SignedRequest request) throws SignatureRejectedException {
        String authorization = request.firstHeader("Authorization");
        if (authorization == null) {
            throw new SignatureRejectedException("MissingAuthenticationToken", 403,
                    "Request is missing Authentication Token");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            throw new SignatureRejectedException("IncompleteSignature", 400,
                    "Authorization header is not a complete AWS4-HMAC-SHA256 signature");
        }
        if (!credentials.accessKeyId().equals(parts.group(1))) {
            throw new SignatureRejectedException("InvalidClientTokenId", 403,
                    "The security token included in the request is invalid.");
        }
        String amzDate = request.firstHeader("X-Amz-Date");
        checkDate(amzDate, parts.group(2));
        String scope = parts.group(2) + "/" + parts.group(3) + "/" + parts.group(4) + "/aws4_request";
        String canonical = canonicalRequest(request, parts.group(5).split(";"), payloadHash(request));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(bytes(canonical));
        byte[] key = signingKey(parts.group(2), parts.group(3), parts.group(4));
        String expected = HEX.formatHex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(bytes(expected), bytes(parts.group(6)))) {
            throw new SignatureRejectedException("SignatureDoesNotMatch", 403, "The request signature we calculated"
                    + " does not match the signature you provided. Check your AWS Secret Access Key and signing"
                    + " method.");
        }
    }

    private void checkDate(String amzDate, String scopeDate) throws SignatureRejectedException {
        if (amzDate == null || !amzDate.startsWith(scopeDate)) {
            throw new SignatureRejectedException("IncompleteSignature", 400,
                    "X-Amz-Date is missing or does not match the credential scope date");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SignatureRejectedException("IncompleteSignature", 400, "X-Amz-Date is malformed: " + amzDate);
        }
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            throw new SignatureRejectedException("SignatureDoesNotMatch", 403, "Signature expired: " + amzDate
                    + " is more than 15 minutes away from the server's time " + AMZ_DATE.format(
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        }
    }

    // A client may state the body's hash in a header; the signature then covers that statement, so it
    // must be checked against the body actually received.
    private static String payloadHash(SignedRequest request) throws SignatureRejectedException {
        String stated = request.firstHeader("X-Amz-Content-Sha256");
        String actual = sha256Hex(request.body());
        if (stated == null || "UNSIGNED-PAYLOAD".equals(stated)) {
            return stated == null ? actual : stated;
        }
        if (!stated.equals(actual)) {
            throw new SignatureRejectedException("XAmzContentSHA256Mismatch", 400,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return actual;
    }

    private static String canonicalRequest(SignedRequest request, String[] signedHeaders, String payloadHash) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(canonicalPath(request.rawPath())).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(canonicalValue(request.header(name))).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash);
        return canonical.toString();
    }

    // Services other than S3 sign each path segment encoded a second time.
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return Arrays.stream(rawPath.split("/", -1)).map(SigV4Verifier::encode).collect(Collectors.joining("/"));
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        for (String[] pair : pairs) {
            joined.add(pair[0] + "=" + pair[1]);
        }
        return String.join("&", joined);
    }

    private static String canonicalValue(List<String> values) {
        List<String> trimmed = new ArrayList<>();
        for (String value : values) {
            trimmed.add(value.trim().replaceAll("\\s+", " "));
        }
        return String.join(",", trimmed);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding: everything but unreserved characters, as SigV4 requires. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private byte[] signingKey(String date, String region, String service) {
        byte[] key = hmac(bytes("AWS4" + credentials.secretAccessKey()), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
