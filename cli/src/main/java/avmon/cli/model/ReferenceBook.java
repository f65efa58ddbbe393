package avmon.cli.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of reference figures (AWS prices, AWS quotas) kept as data: {@code prices.json} and
 * {@code quotas.json} beside this class. A user overrides rows from a file of the same format (only
 * {@code id} and {@code value} are required there); every row keeps its date and source so a report can
 * say what it assumed.
 */
public final class ReferenceBook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, BookEntry> entries;

    private ReferenceBook(String name, Map<String, BookEntry> entries) {
        this.name = name;
        this.entries = entries;
    }

    /** The AWS prices the project collected. */
    public static ReferenceBook prices() {
        return fromResource("prices.json");
    }

    /** The AWS default quotas the project collected. */
    public static ReferenceBook quotas() {
        return fromResource("quotas.json");
    }

    /** A book of the given rows (e.g. the books a saved report was priced with). */
    public static ReferenceBook of(String name, List<BookEntry> rows) {
        Map<String, BookEntry> entries = new LinkedHashMap<>();
        for (BookEntry e : rows) {
            entries.put(e.id(), e);
        }
        return new ReferenceBook(name, entries);
    }

    private static ReferenceBook fromResource(String resource) {
        try (InputStream in = ReferenceBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + ReferenceBook.class);
            }
            JsonNode root = JSON.readTree(in);
            Map<String, BookEntry> entries = new LinkedHashMap<>();
            for (JsonNode row : root.path("entries")) {
                BookEntry e = JSON.treeToValue(row, BookEntry.class);
                entries.put(e.id(), e);
            }
            return new ReferenceBook(root.path("name").asText(resource), entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * A copy with the rows of {@code file} replacing rows of the same id.
     *
     * @throws IllegalArgumentException when the file cannot be read, names an unknown id or has no value
     */
    public ReferenceBook withOverrides(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read overrides " + file + ": " + e.getMessage(), e);
        }
        if (!root.path("entries").isArray()) {
            throw new IllegalArgumentException(file + ": not a book of " + name + ": it needs an \"entries\" list of"
                    + " {\"id\": ..., \"value\": ...} rows");
        }
        Map<String, BookEntry> copy = new LinkedHashMap<>(entries);
        for (JsonNode row : root.path("entries")) {
            String id = row.path("id").asText("");
            BookEntry base = copy.get(id);
            if (base == null) {
                throw new IllegalArgumentException(file + ": unknown id '" + id + "' in " + name
                        + "; known ids: " + String.join(", ", entries.keySet()));
            }
            if (!row.path("value").isNumber()) {
                throw new IllegalArgumentException(file + ": '" + id + "' needs a numeric value");
            }
            copy.put(id, new BookEntry(id, base.item(), row.get("value").asDouble(), base.unit(),
                    row.path("date").asText(base.date()), row.path("source").asText(file.toString())));
        }
        return new ReferenceBook(name, copy);
    }

    /** The value of a row; throws {@link IllegalArgumentException} for an unknown id. */
    public double value(String id) {
        return entry(id).value();
    }

    public BookEntry entry(String id) {
        BookEntry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no '" + id + "' in " + name);
        }
        return e;
    }

    public String name() {
        return name;
    }

    public List<BookEntry> entries() {
        return new ArrayList<>(entries.values());
    }
}
