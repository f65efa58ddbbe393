package avmon.local.sfn.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The JSONata functions Step Functions adds to the standard library. */
final class AwsFunctions {

    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private AwsFunctions() {
    }

    static void bindAll(Jsonata.Frame frame) {
        frame.bind("partition", new Jsonata.JFunction(AwsFunctions::partition, null));
        frame.bind("range", new Jsonata.JFunction(AwsFunctions::range, null));
        frame.bind("hash", new Jsonata.JFunction(AwsFunctions::hash, null));
        frame.bind("random", new Jsonata.JFunction(AwsFunctions::random, null));
        frame.bind("uuid", new Jsonata.JFunction((input, args) -> UUID.randomUUID().toString(), null));
        frame.bind("parse", new Jsonata.JFunction(AwsFunctions::parse, null));
    }

    private static Object partition(Object input, List<?> args) {
        List<?> array = list(args, 0, "$partition");
        long size = integer(args, 1, "$partition");
        if (size <= 0) {
            throw new JException("$partition's size must be greater than 0", 0);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i += (int) size) {
            out.add(new ArrayList<>(array.subList(i, (int) Math.min(array.size(), i + size))));
        }
        return out;
    }

    private static Object range(Object input, List<?> args) {
        long start = integer(args, 0, "$range");
        long end = integer(args, 1, "$range");
        long step = integer(args, 2, "$range");
        if (step == 0) {
            throw new JException("$range's step must not be 0", 0);
        }
        List<Object> out = new ArrayList<>();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (out.size() == 1000) {
                throw new JException("$range cannot produce more than 1000 items", 0);
            }
            out.add(v);
        }
        // AWS returns a JSONata sequence: a single item stands alone, as in $range(1, 1, 1) = 1.
        return out.size() == 1 ? out.get(0) : out;
    }

    private static Object hash(Object input, List<?> args) {
        Object data = args.isEmpty() ? null : args.get(0);
        Object algorithm = args.size() > 1 ? args.get(1) : null;
        if (!(data instanceof String text) || !(algorithm instanceof String name) || !HASH_ALGORITHMS.contains(name)) {
            throw new JException("$hash takes a string and one of MD5, SHA-1, SHA-256, SHA-384, SHA-512", 0);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object random(Object input, List<?> args) {
        if (args.isEmpty() || args.get(0) == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        return new Random(integer(args, 0, "$random")).nextDouble();
    }

    private static Object parse(Object input, List<?> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String text)) {
            throw new JException("$parse takes a JSON string", 0);
        }
        try {
            return JsonataValues.toJava(JsonataValues.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new JException("$parse: not valid JSON: " + text, 0);
        }
    }

    private static List<?> list(List<?> args, int i, String fn) {
        if (args.size() <= i || !(args.get(i) instanceof List<?> l)) {
            throw new JException(fn + "'s argument " + (i + 1) + " must be an array", 0);
        }
        return l;
    }

    private static long integer(List<?> args, int i, String fn) {
        if (args.size() <= i || !(args.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new JException(fn + "'s argument " + (i + 1) + " must be an integer", 0);
        }
        return n.longValue();
    }
}
