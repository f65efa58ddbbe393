package avmon.local.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What SigV4 signs of an HTTP request: method, path and query as received (still percent-encoded),
 * headers, and the body.
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        Map<String, List<String>> lowerCase = new TreeMap<>();
        headers.forEach((name, values) -> lowerCase.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                key -> new java.util.ArrayList<>()).addAll(values));
        headers = Map.copyOf(lowerCase);
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** The values of a header (any case), or an empty list. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first value of a header, or {@code null}. */
    public String firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
