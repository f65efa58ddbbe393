package avmon.local.sfn.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The results of a corpus run: pass rates per category and per query language, and every failure. */
public final class ConformanceReport {

    /** Passed and total counts of one group. */
    public record Tally(int passed, int total) {
        public double rate() {
            return total == 0 ? 1.0 : (double) passed / total;
        }
    }

    private final List<CaseResult> results;

    public ConformanceReport(List<CaseResult> results) {
        this.results = List.copyOf(results);
    }

    public List<CaseResult> results() {
        return results;
    }

    public Tally overall() {
        return tally(r -> "all").getOrDefault("all", new Tally(0, 0));
    }

    public Map<String, Tally> byCategory() {
        return tally(CaseResult::primary);
    }

    public Map<String, Tally> byQueryLanguage() {
        return tally(CaseResult::queryLanguage);
    }

    public List<CaseResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    private Map<String, Tally> tally(Function<CaseResult, String> key) {
        Map<String, Tally> out = new TreeMap<>();
        for (CaseResult r : results) {
            out.merge(key.apply(r), new Tally(r.passed() ? 1 : 0, 1),
                    (a, b) -> new Tally(a.passed() + b.passed(), a.total() + b.total()));
        }
        return out;
    }

    /** Prints the pass rates and every failure with its reason. */
    public void print(PrintWriter out) {
        out.printf("%-16s %7s %7s %8s%n", "category", "passed", "total", "rate");
        byCategory().forEach((k, t) -> line(out, k, t));
        out.println();
        out.printf("%-16s %7s %7s %8s%n", "query language", "passed", "total", "rate");
        byQueryLanguage().forEach((k, t) -> line(out, k, t));
        line(out, "all", overall());
        List<CaseResult> failures = failures();
        if (!failures.isEmpty()) {
            out.println();
            out.println("failures (" + failures.size() + "):");
            for (CaseResult f : failures) {
                out.println("  " + f.name() + " [" + f.primary() + ", " + f.queryLanguage() + "]: "
                        + String.join("; ", f.reasons()));
            }
        }
        out.flush();
    }

    private static void line(PrintWriter out, String name, Tally t) {
        out.printf("%-16s %7d %7d %7.1f%%%n", name, t.passed(), t.total(), 100 * t.rate());
    }

    /** Writes the report as JSON. */
    public void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.set("overall", tallyNode(json, overall()));
        ObjectNode categories = root.putObject("byCategory");
        byCategory().forEach((k, t) -> categories.set(k, tallyNode(json, t)));
        ObjectNode languages = root.putObject("byQueryLanguage");
        byQueryLanguage().forEach((k, t) -> languages.set(k, tallyNode(json, t)));
        ArrayNode failures = root.putArray("failures");
        for (CaseResult f : failures()) {
            ObjectNode n = failures.addObject();
            n.put("name", f.name());
            n.put("category", f.primary());
            n.put("queryLanguage", f.queryLanguage());
            ArrayNode reasons = n.putArray("reasons");
            f.reasons().forEach(reasons::add);
        }
        json.writeValue(file.toFile(), root);
    }

    private static ObjectNode tallyNode(ObjectMapper json, Tally t) {
        ObjectNode n = json.createObjectNode();
        n.put("passed", t.passed());
        n.put("total", t.total());
        n.put("rate", Math.round(t.rate() * 10000) / 10000.0);
        return n;
    }
}
