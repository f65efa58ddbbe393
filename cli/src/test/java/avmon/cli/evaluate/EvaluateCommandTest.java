package avmon.cli.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.detect.CommandRun;
import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code avmon evaluate} on a small generated set, and on a set with a broken stream. */
class EvaluateCommandTest {

    @TempDir
    static Path dir;

    private static Path good;
    private static Path broken;

    @BeforeAll
    static void generate() throws Exception {
        StreamSpec base = StreamSpec.of("base", 3).withSize(320, 180).withDuration(6);
        StreamSpec freeze = base.withId("freeze").with(InjectedDefect.of(DefectType.FREEZE, 1.5, 2.5));
        StreamGenerator generator = new StreamGenerator();
        good = dir.resolve("good");
        generator.generate(base.withId("clean"), good);
        generator.generate(freeze, good);
        broken = dir.resolve("broken");
        generator.generate(freeze, broken);
        Files.delete(broken.resolve("freeze").resolve("seg00001.ts"));
    }

    @Test
    void evaluate_generatedStreams_printsTableAndWritesJson() throws Exception {
        Path json = dir.resolve("report.json");
        CommandRun run = CommandRun.of("evaluate", good.toString(), "--json-out", json.toString());

        assertEquals(0, run.exitCode(), () -> "success: " + run);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("freeze\\s+1\\s+1\\s+1\\s+1\\.000\\s+1\\.000\\s+.*")),
                () -> "freeze row, found and matched: " + run);
        assertTrue(run.err().contains("[2/2] freeze"), () -> "progress on stderr: " + run);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, report.get("streams").size(), "both streams in the JSON report");
        assertEquals(1.0, report.at("/types/0/recall").asDouble(), "freeze recall in the JSON report");
    }

    @Test
    void evaluate_cleanSetWithGivenThreshold_printsBlockCorruptionPerSignal() throws Exception {
        Path json = dir.resolve("signals.json");
        CommandRun run = CommandRun.of("evaluate", good.toString(), "--json-out", json.toString(),
                "--blockdetect-threshold", "3");

        assertEquals(0, run.exitCode(), () -> "success: " + run);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("decoder_errors\\s+300\\s+0\\s+0\\s.*")),
                () -> "decoder errors over 300 clean pictures, none flagged: " + run);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("model")
                        && (l.contains("detector corruption_model") || l.contains("not available"))),
                () -> "the model's row: its figures, or why it is missing: " + run);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("blockdetect ") && l.contains("given threshold 3.0000")),
                () -> "blockdetect at the given threshold: " + run);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("blockdetect_ffmpeg") && l.contains("give one")),
                () -> "no best threshold on a clean set: " + run);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("decoder_errors", report.at("/blockCorruption/0/signal").asText(), "signals in the JSON report");
    }

    @Test
    void evaluate_streamWithMissingSegment_reportsItAndExitsOne() {
        CommandRun run = CommandRun.of("evaluate", broken.toString());

        assertEquals(1, run.exitCode(), () -> "a stream could not be read: " + run);
        assertTrue(run.out().contains("failed: freeze: "), () -> "the failure is in the table: " + run);
        assertTrue(run.err().contains("avmon: 1 stream(s) could not be read"), () -> "and on stderr: " + run);
        assertTrue(Files.exists(broken.resolve("evaluation.json")), "the JSON report is still written");
    }
}
