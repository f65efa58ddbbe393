package avmon.cli.report;

import avmon.cli.model.Assumption;
import avmon.cli.model.Assumptions;
import avmon.cli.model.BookEntry;
import avmon.cli.model.CostBreakdown;
import avmon.cli.model.MeasuredRun;
import avmon.cli.model.ReferenceBook;
import avmon.cli.model.ReferenceBooks;
import avmon.cli.model.ScaleLimit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: every figure of a {@link ComparisonReport}, and what {@code avmon cost} needs to price
 * the run again: the run under {@code "measured"}, the assumptions by flag, and the books used, row by row.
 */
public final class ReportJson {

    /** Names the file's layout, so a reader can tell a report from any other JSON. */
    public static final String FORMAT = "avmon-comparison/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /**
     * What a saved report holds to be priced again.
     *
     * @param run         the measured run
     * @param books       the price and quota books it was priced with
     * @param assumptions the assumptions it was priced with
     */
    public record Saved(MeasuredRun run, ReferenceBooks books, Assumptions assumptions) {
    }

    /** The report as JSON text. */
    public static String write(ComparisonReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("measured", MAPPER.valueToTree(r.run()));
        root.set("assumptions", assumptions(r.assumptions()));
        root.set("defaults", assumptions(r.defaults()));
        ObjectNode books = root.putObject("books");
        books.set("prices", book(r.books().prices()));
        books.set("quotas", book(r.books().quotas()));
        root.set("rates", MAPPER.valueToTree(r.rates()));
        ObjectNode usage = root.putObject("usagePerStreamHour");
        usage.set("serverless", MAPPER.valueToTree(r.serverlessUsage()));
        usage.set("monolith", MAPPER.valueToTree(r.monolithUsage()));
        ArrayNode costs = root.putArray("costs");
        int expected = r.assumptions().expectedStreams();
        for (CostBreakdown c : r.costs()) {
            ObjectNode n = costs.addObject();
            n.put("design", c.design());
            n.put("note", c.note());
            n.set("componentsPerStreamHour", MAPPER.valueToTree(c.components()));
            n.put("perStreamHour", c.perStreamHour());
            n.put("streams", expected);
            n.put("perMonth", r.perMonth(c, expected));
            n.put("streamsPerHost", c.streamsPerHost());
            n.put("hostPerHour", c.hostPerHour());
        }
        ArrayNode scale = root.putArray("scale");
        for (DesignScale s : r.scale()) {
            ObjectNode n = scale.addObject();
            n.put("design", s.design());
            n.put("ceilingStreams", s.ceiling());
            n.put("bindingQuota", s.binding() == null ? null : s.binding().quota().id());
            n.put("fractionOfExpected", s.fractionOf(expected));
            ArrayNode limits = n.putArray("limits");
            for (ScaleLimit l : s.limits()) {
                ObjectNode ln = limits.addObject();
                ln.put("quota", l.quota().id());
                ln.put("quotaValue", l.quota().value());
                ln.put("unit", l.quota().unit());
                ln.put("demandPerStream", l.demand());
                ln.put("streams", l.streams());
            }
        }
        root.set("verdict", MAPPER.valueToTree(r.verdict()));
        root.set("sensitivity", MAPPER.valueToTree(r.sensitivity()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    /**
     * Reads a saved report.
     *
     * @throws NotAReportException when the file is missing, not JSON, or not an avmon comparison
     */
    public static Saved read(Path file) throws NotAReportException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new NotAReportException("no such file: " + file);
        } catch (JsonProcessingException e) {
            throw new NotAReportException(file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new NotAReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())
                || !root.has("measured")) {
            throw new NotAReportException(file + " is not an avmon comparison report (" + FORMAT
                    + " with \"measured\"): write one with avmon compare");
        }
        try {
            MeasuredRun run = MAPPER.treeToValue(root.get("measured"), MeasuredRun.class);
            ReferenceBooks books = new ReferenceBooks(book(root.path("books").path("prices")),
                    book(root.path("books").path("quotas")));
            Assumptions assumptions = Assumptions.defaults(run);
            for (Map.Entry<String, JsonNode> e : root.path("assumptions").properties()) {
                if (!e.getValue().isNumber()) {
                    throw new NotAReportException(file + ": assumption '" + e.getKey() + "' is not a number");
                }
                assumptions = assumptions.with(Assumption.ofFlag(e.getKey()), e.getValue().asDouble());
            }
            return new Saved(run, books, assumptions);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new NotAReportException(file + " is a damaged comparison report: " + e.getMessage(), e);
        }
    }

    private static ObjectNode assumptions(Assumptions a) {
        ObjectNode n = MAPPER.createObjectNode();
        a.values().forEach((k, v) -> n.put(k.flag(), v));
        return n;
    }

    private static ObjectNode book(ReferenceBook b) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", b.name());
        n.set("entries", MAPPER.valueToTree(b.entries()));
        return n;
    }

    private static ReferenceBook book(JsonNode n) throws JsonProcessingException {
        if (!n.path("entries").isArray() || n.path("entries").isEmpty()) {
            throw new IllegalArgumentException("a book without entries");
        }
        List<BookEntry> rows = new ArrayList<>();
        for (JsonNode row : n.get("entries")) {
            rows.add(MAPPER.treeToValue(row, BookEntry.class));
        }
        return ReferenceBook.of(n.path("name").asText("book"), rows);
    }
}
