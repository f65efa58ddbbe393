package avmon.statemachine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serverless design's per-stream workflow, {@code stream-workflow.asl.json} beside this class. CDK reads
 * the same file and resolves its {@code ${...}} placeholders with DefinitionSubstitutions; local runs resolve
 * them here.
 */
public final class StreamWorkflow {

    /** Where the definition lives on the classpath (and, under src/main/resources, in the repository). */
    public static final String RESOURCE = "/avmon/statemachine/stream-workflow.asl.json";

    /** Placeholder for the converter function's ARN. */
    public static final String CONVERTER = "ConverterFunctionArn";
    /** Placeholder for the detector function's ARN. */
    public static final String DETECTOR = "DetectorFunctionArn";
    /** Placeholder for the notifier function's ARN. */
    public static final String NOTIFIER = "NotifierFunctionArn";
    /**
     * Placeholder for the detectors an execution runs when its input names none: the names the deployment's
     * detector function runs, comma-separated.
     */
    public static final String DETECTORS = "Detectors";
    /** Placeholder for how many segments one execution handles before it continues as a new one. */
    public static final String SEGMENTS_PER_EXECUTION = "SegmentsPerExecution";

    /**
     * Segments per execution unless told otherwise: about 60 history events a segment with five detectors
     * keeps an execution well under the 25,000-event limit.
     */
    public static final int DEFAULT_SEGMENTS_PER_EXECUTION = 300;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private StreamWorkflow() {
    }

    /** The definition as written, placeholders and all. */
    public static String template() {
        try (InputStream in = StreamWorkflow.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The placeholder names the definition uses. */
    public static Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The definition with every placeholder replaced.
     *
     * @throws IllegalArgumentException naming the placeholders {@code values} does not give
     */
    public static String definition(Map<String, String> values) {
        Set<String> missing = new TreeSet<>(placeholders());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for placeholders " + missing);
        }
        Matcher m = PLACEHOLDER.matcher(template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
