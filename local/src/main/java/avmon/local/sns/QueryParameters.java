package avmon.local.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of an AWS Query request ({@code application/x-www-form-urlencoded}), with the Query
 * protocol's flattened lists ({@code Prefix.member.N.Field}) and maps ({@code Prefix.entry.N.key}).
 */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.put(name, value);
            }
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsException.invalidParameter("malformed form encoding: " + text);
        }
    }

    /** A parameter's value, or {@code null}. */
    String optional(String name) {
        return values.get(name);
    }

    /** A parameter's value; a missing one is SNS's {@code InvalidParameter}. */
    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw SnsException.invalidParameter(name + " Reason: no value for required parameter");
        }
        return value;
    }

    /** The numbered groups under {@code prefix}: {@code prefix.1.X}, {@code prefix.2.X}, ... in order. */
    List<QueryParameters> indexed(String prefix) {
        TreeMap<Integer, Map<String, String>> groups = new TreeMap<>();
        String start = prefix + ".";
        values.forEach((name, value) -> {
            if (!name.startsWith(start)) {
                return;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            String index = dot < 0 ? rest : rest.substring(0, dot);
            try {
                groups.computeIfAbsent(Integer.parseInt(index), i -> new LinkedHashMap<>())
                        .put(dot < 0 ? "" : rest.substring(dot + 1), value);
            } catch (NumberFormatException e) {
                throw SnsException.invalidParameter(name + ": list index is not a number");
            }
        });
        List<QueryParameters> result = new ArrayList<>();
        groups.values().forEach(group -> result.add(new QueryParameters(group)));
        return result;
    }

    /** A Query map ({@code prefix.entry.N.<keyName>} / {@code <valueName>}) as a Java map. */
    Map<String, String> map(String prefix, String keyName, String valueName) {
        Map<String, String> map = new LinkedHashMap<>();
        for (QueryParameters entry : indexed(prefix + ".entry")) {
            map.put(entry.required(keyName), entry.required(valueName));
        }
        return map;
    }
}
