package avmon.local.sfn.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded execution of the corpus: the definition, the input and what AWS returned.
 *
 * @param name       the case's folder name
 * @param primary    its category ({@code choice}, {@code jsonata}, {@code map}...)
 * @param tags       all its tags
 * @param definition the definition text
 * @param input      the execution input
 * @param expected   the recorded result ({@code expected.json})
 */
public record ConformanceCase(String name, String primary, List<String> tags, String definition, JsonNode input,
                              JsonNode expected) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSONata for cases tagged {@code jsonata}, else JSONPath. */
    public String queryLanguage() {
        return tags.contains("jsonata") ? "JSONata" : "JSONPath";
    }

    /**
     * Loads every case listed in {@code corpus/index.json}.
     *
     * @throws UncheckedIOException when the corpus cannot be read
     */
    public static List<ConformanceCase> loadAll(Path corpus) {
        try {
            JsonNode index = JSON.readTree(corpus.resolve("index.json").toFile());
            List<ConformanceCase> cases = new ArrayList<>();
            for (JsonNode entry : index.path("cases")) {
                String name = entry.get("name").textValue();
                Path dir = corpus.resolve("cases").resolve(name);
                List<String> tags = new ArrayList<>();
                entry.path("tags").forEach(t -> tags.add(t.textValue()));
                Path inputFile = dir.resolve("input.json");
                JsonNode input = Files.exists(inputFile) ? JSON.readTree(inputFile.toFile()) : JSON.createObjectNode();
                cases.add(new ConformanceCase(name, entry.path("primary").asText(), List.copyOf(tags),
                        Files.readString(dir.resolve("definition.json"), StandardCharsets.UTF_8),
                        input == null || input.isMissingNode() ? JSON.createObjectNode() : input,
                        JSON.readTree(dir.resolve("expected.json").toFile())));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the conformance corpus at " + corpus + ": " + e.getMessage(), e);
        }
    }
}
