package avmon.cli.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.detect.CommandRun;
import avmon.cli.model.Assumptions;
import avmon.cli.model.MeasuredRun;
import avmon.cli.model.ReferenceBooks;
import avmon.cli.model.SampleRuns;
import avmon.cli.report.ComparisonReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ComparisonReport original;
    private Path saved;

    @BeforeEach
    void writeReport() throws Exception {
        MeasuredRun run = SampleRuns.realistic();
        original = ComparisonReport.of(run, ReferenceBooks.defaults(), Assumptions.defaults(run));
        original.writeTo(dir.resolve("run"));
        saved = dir.resolve("run").resolve(ComparisonReport.JSON);
    }

    @Test
    void cost_savedReportNoFlags_printsTheSameFigures() {
        StringWriter expected = new StringWriter();
        original.printTable(new PrintWriter(expected));

        CommandRun run = CommandRun.of("cost", "--from", saved.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(expected.toString(), run.out(), "the same table as the report that wrote the file");
    }

    @Test
    void cost_twiceTheStreams_doublesServerlessMonthAndKeepsPerStreamHour() throws Exception {
        CommandRun run = CommandRun.of("cost", "--from", saved.toString(), "--streams", "4000", "--out",
                dir.resolve("again").toString());

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode before = JSON.readTree(saved.toFile()).get("costs").get(0);
        JsonNode after = JSON.readTree(dir.resolve("again").resolve(ComparisonReport.JSON).toFile()).get("costs").get(0);
        assertEquals(before.get("perStreamHour").asDouble(), after.get("perStreamHour").asDouble(), 1e-12,
                "per stream-hour does not depend on the load");
        assertEquals(2 * before.get("perMonth").asDouble(), after.get("perMonth").asDouble(), 1e-6,
                "Standard is billed per request: twice the streams, twice the month");
        assertTrue(run.out().contains("per month at 4,000 streams"), run.out());
    }

    @Test
    void cost_priceOverride_repricesTransitions() throws Exception {
        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{\"entries\":[{\"id\":\"sfn.standard.transition\",\"value\":0.00005}]}");

        CommandRun run = CommandRun.of("cost", "--from", saved.toString(), "--prices", prices.toString(), "--out",
                dir.resolve("dear").toString());

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode standard = JSON.readTree(dir.resolve("dear").resolve(ComparisonReport.JSON).toFile()).get("costs").get(0);
        assertEquals(19_800 * 0.00005, standard.get("componentsPerStreamHour").get("Step Functions").asDouble(), 1e-12,
                "19,800 transitions at the overriding price");
    }

    @Test
    void cost_missingFile_saysSo() {
        CommandRun run = CommandRun.of("cost", "--from", dir.resolve("nope.json").toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void cost_notJson_saysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "hello");

        CommandRun run = CommandRun.of("cost", "--from", file.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is not JSON"), run.err());
    }

    @Test
    void cost_otherJson_notAReport() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"entries\": []}");

        CommandRun run = CommandRun.of("cost", "--from", file.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is not an avmon comparison report"), run.err());
    }

    @Test
    void cost_damagedMeasuredRun_saysDamaged() throws Exception {
        String text = Files.readString(saved).replaceFirst("\"streamSeconds\" : [0-9.]+", "\"streamSeconds\" : \"long\"");
        Path file = Files.writeString(dir.resolve("damaged.json"), text);

        CommandRun run = CommandRun.of("cost", "--from", file.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("damaged"), run.err());
    }

    @Test
    void cost_negativeStreams_badUsage() {
        CommandRun run = CommandRun.of("cost", "--from", saved.toString(), "--streams", "-5");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--streams must be a whole number above 0"), run.err());
    }

    @Test
    void cost_expectedStreamsZero_badUsage() {
        CommandRun run = CommandRun.of("cost", "--from", saved.toString(), "--expected-streams", "0");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--expected-streams must be a whole number above 0"), run.err());
    }

    @Test
    void cost_fractionAboveOne_badUsage() {
        CommandRun run = CommandRun.of("cost", "--from", saved.toString(), "--target-cpu", "1.5");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--target-cpu must be above 0 and at most 1"), run.err());
    }

    @Test
    void cost_notANumber_badUsage() {
        CommandRun run = CommandRun.of("cost", "--from", saved.toString(), "--analysed-fps", "fast");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("fast"), run.err());
    }

    @Test
    void cost_priceFileUnknownRow_listsKnownRows() throws Exception {
        Path prices = Files.writeString(dir.resolve("prices.json"), "{\"entries\":[{\"id\":\"sfn.transition\",\"value\":1}]}");

        CommandRun run = CommandRun.of("cost", "--from", saved.toString(), "--prices", prices.toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unknown id 'sfn.transition'"), run.err());
    }
}
