package avmon.local.sfn.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a recorded value with the engine's, following the corpus README: masked tokens ({@code <uuid:1>},
 * {@code date}, the case's own mask words) are wildcards, strings the recorder parsed from {@code {...}} text
 * compare as JSON, Python stack traces in Lambda causes and AWS's HTTP metadata of service integrations
 * are not compared (they are specific to AWS's machines), numbers compare by value.
 */
final class MaskedComparison {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANGLE_TOKEN = Pattern.compile("<[^<>\\s]+>");
    private static final Set<String> METADATA_KEYS = Set.of("SdkHttpMetadata", "SdkResponseMetadata");

    private final Set<String> caseTokens;

    /** @param caseTokens the tokens listed in the case's {@code masks} */
    MaskedComparison(Set<String> caseTokens) {
        this.caseTokens = new TreeSet<>(caseTokens);
    }

    /** Returns {@code null} when the values match, else where and how they differ. */
    String difference(JsonNode expected, JsonNode actual, String at) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isNull() ? null : at + ": expected null, got " + abbreviate(actual);
        }
        if (actual == null) {
            return at + ": expected " + abbreviate(expected) + ", got nothing";
        }
        if (expected.isTextual()) {
            return textDifference(expected.textValue(), actual, at);
        }
        if (expected.isObject()) {
            JsonNode a = actual.isTextual() ? parseOrNull(actual.textValue()) : actual;
            if (a == null || !a.isObject()) {
                return at + ": expected an object, got " + abbreviate(actual);
            }
            return objectDifference(expected, a, at);
        }
        if (expected.isArray()) {
            JsonNode a = actual.isTextual() ? parseOrNull(actual.textValue()) : actual;
            if (a == null || !a.isArray()) {
                return at + ": expected an array, got " + abbreviate(actual);
            }
            if (a.size() != expected.size()) {
                return at + ": expected " + expected.size() + " items, got " + a.size() + " (" + abbreviate(a) + ")";
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = difference(expected.get(i), a.get(i), at + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isNumber()) {
            if (actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0) {
                return null;
            }
            return at + ": expected " + expected + ", got " + abbreviate(actual);
        }
        return expected.equals(actual) ? null : at + ": expected " + expected + ", got " + abbreviate(actual);
    }

    private String objectDifference(JsonNode expected, JsonNode actual, String at) {
        Set<String> expectedKeys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(expectedKeys::add);
        Set<String> actualKeys = new TreeSet<>();
        actual.fieldNames().forEachRemaining(actualKeys::add);
        if (!expectedKeys.equals(actualKeys)) {
            Set<String> missing = new TreeSet<>(expectedKeys);
            missing.removeAll(actualKeys);
            Set<String> extra = new TreeSet<>(actualKeys);
            extra.removeAll(expectedKeys);
            return at + ": keys differ, missing " + missing + ", unexpected " + extra;
        }
        Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (METADATA_KEYS.contains(e.getKey())) {
                continue;
            }
            String d = difference(e.getValue(), actual.get(e.getKey()), at + "." + e.getKey());
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private String textDifference(String expected, JsonNode actual, String at) {
        if (isWholeToken(expected)) {
            return null;
        }
        if (expected.contains("stackTrace")) {
            return actual.isTextual() || actual.isObject() ? null : at + ": expected an error cause, got " + abbreviate(actual);
        }
        if (expected.startsWith("{") && actual.isObject()) {
            JsonNode parsed = parseOrNull(expected);
            if (parsed != null) {
                return difference(parsed, actual, at);
            }
        }
        if (!actual.isTextual()) {
            return at + ": expected \"" + abbreviate(expected) + "\", got " + abbreviate(actual);
        }
        String a = actual.textValue();
        if (expected.equals(a)) {
            return null;
        }
        Pattern pattern = patternOf(expected);
        if (pattern != null && pattern.matcher(a).matches()) {
            return null;
        }
        return at + ": expected \"" + abbreviate(expected) + "\", got \"" + abbreviate(a) + "\"";
    }

    /** Compares two texts that may hold masks (a cause, for instance); {@code null} when they match. */
    String textDifference(String expected, String actual, String at) {
        if (expected == null) {
            return actual == null ? null : at + ": expected none, got \"" + abbreviate(actual) + "\"";
        }
        if (actual == null) {
            return at + ": expected \"" + abbreviate(expected) + "\", got none";
        }
        return textDifference(expected, TextNode.valueOf(actual), at);
    }

    private boolean isWholeToken(String s) {
        return s.equals("date") || s.equals("timestamp") || caseTokens.contains(s) || ANGLE_TOKEN.matcher(s).matches();
    }

    /** A regex in which every token stands for any text; {@code null} when the string has no token. */
    private Pattern patternOf(String expected) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = ANGLE_TOKEN.matcher(expected);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        for (String token : caseTokens) {
            int from = 0;
            int i;
            while ((i = expected.indexOf(token, from)) >= 0) {
                spans.add(new int[] {i, i + token.length()});
                from = i + token.length();
            }
        }
        if (spans.isEmpty()) {
            return null;
        }
        spans.sort((x, y) -> Integer.compare(x[0], y[0]));
        StringBuilder regex = new StringBuilder();
        int pos = 0;
        for (int[] span : spans) {
            if (span[0] < pos) {
                continue;
            }
            regex.append(Pattern.quote(expected.substring(pos, span[0]))).append(".*?");
            pos = span[1];
        }
        regex.append(Pattern.quote(expected.substring(pos)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static JsonNode parseOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
