package avmon.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.Avmon;
import avmon.monolith.shard.Shard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MonitorCommandTest {

    @TempDir
    static Path dir;
    static Path clip;

    @BeforeAll
    static void clip() throws Exception {
        clip = Clips.withBlack(dir.resolve("news.ts"), 6, 2, 5);
    }

    /** What a run printed and returned. */
    record Run(int code, String out, String err) {
    }

    @Test
    void monitor_twoFiles_printsDefectsAsFoundThenSummary() {
        Run run = run("monitor", clip.toString(), "sport=" + clip);

        assertEquals(0, run.code(), () -> "exit code; err: " + run.err());
        assertTrue(run.out().contains("avmon monitor: 2 streams"), () -> "header: " + run.out());
        assertTrue(run.out().contains("DEFECT news black 2.000-5.000 s"), () -> "news black as found: " + run.out());
        assertTrue(run.out().contains("DEFECT sport black 2.000-5.000 s"), () -> "sport black as found: " + run.out());
        assertTrue(run.out().contains("all inputs done; summary:"), () -> "summary: " + run.out());
        assertTrue(run.out().matches("(?s).*news\\s+ENDED.*"), () -> "news ended in the table: " + run.out());
        assertTrue(run.out().contains("CPU seconds per stream-hour"), () -> "metering at the end: " + run.out());
    }

    @Test
    void monitor_shard_monitorsOnlyTheStreamsItOwns() {
        List<String> ids = List.of("cam-a", "cam-b", "cam-c", "cam-d", "cam-e", "cam-f");
        List<String> args = new ArrayList<>(List.of("monitor", "--shard", "1/3", "--detectors", "black"));
        ids.forEach(id -> args.add(id + "=" + clip));

        Run run = run(args.toArray(String[]::new));

        assertEquals(0, run.code(), () -> "exit code; err: " + run.err());
        Shard shard = new Shard(1, 3);
        for (String id : ids) {
            boolean listed = run.out().matches("(?s).*\\n" + id + "\\s+ENDED.*");
            assertEquals(shard.owns(id), listed, () -> id + " monitored only by its owner: " + run.out());
        }
    }

    @Test
    void monitor_missingFileAmongHealthy_reportsItFailedAndExits1() {
        Run run = run("monitor", "--detectors", "black", clip.toString(), dir.resolve("gone.ts").toString());

        assertEquals(1, run.code(), "exit code says an input failed");
        assertTrue(run.out().contains("FAILED gone NOT_FOUND"), () -> "failure notification: " + run.out());
        assertTrue(run.out().contains("DEFECT news black"), () -> "healthy stream analysed: " + run.out());
    }

    @Test
    void monitor_jsonlNotify_writesEachNotificationAsJson() throws Exception {
        Path jsonl = dir.resolve("notes.jsonl");

        Run run = run("monitor", "--notify", "jsonl:" + jsonl, "--detectors", "black,freeze", clip.toString());

        assertEquals(0, run.code(), () -> "exit code; err: " + run.err());
        List<String> lines = Files.readAllLines(jsonl);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"streamId\":\"news\"") && l.contains("\"type\":\"black\"")),
                () -> "black defect in the file: " + lines);
    }

    @Test
    void monitor_corruptionModelOnTwoStreamsAtOnce_sameDefectsAsTheSameInputGives() {
        Run run = run("monitor", "--workers", "2", "--detectors", "corruption_model,black", "a=" + clip, "b=" + clip);

        assertEquals(0, run.code(), () -> "exit code; err: " + run.err());
        assertTrue(run.out().contains("detectors [corruption_model, black], 2 workers"), () -> "model selected: " + run.out());
        List<String> a = defects(run.out(), "a");
        assertTrue(a.stream().anyMatch(d -> d.startsWith("black ")), () -> "stream a analysed: " + run.out());
        assertEquals(a, defects(run.out(), "b"),
                "two workers sharing the one model, each through its own predictor, find the same in the same input");
    }

    /** The defects printed for {@code id}, without their timestamps, in order. */
    private static List<String> defects(String out, String id) {
        String marker = "DEFECT " + id + " ";
        return out.lines().filter(l -> l.contains(marker)).map(l -> l.substring(l.indexOf(marker) + marker.length()))
                .sorted().toList();
    }

    @Test
    void monitor_malformedS3Uri_usageErrorSaysWhatIsMissing() {
        Run run = run("monitor", "s3://bucket/");

        assertEquals(2, run.code(), "usage error");
        assertTrue(run.err().contains("not a valid s3://bucket/key URI: name the playlist's key"), () -> "error: " + run.err());
        assertEquals(1, run.err().lines().filter(l -> !l.isBlank()).count(), () -> "one line: " + run.err());
    }

    @Test
    void monitor_badOptions_usageErrors() {
        assertEquals(2, run("monitor", "--detectors", "sparkle", clip.toString()).code(), "unknown detector");
        assertEquals(2, run("monitor", "--shard", "3/3", clip.toString()).code(), "shard out of range");
        assertEquals(2, run("monitor", "--notify", "sns:", clip.toString()).code(), "sns without a topic");
        assertEquals(2, run("monitor", "--notify", "sns:arn:aws:sns:eu-west-1:1:t", clip.toString()).code(), "account not 12 digits");
        assertEquals(2, run("monitor", "--notify", "sns:arn:aws:sqs:eu-west-1:123456789012:q", clip.toString()).code(), "not sns");
        assertEquals(2, run("monitor", "--s3-endpoint", "localhost:9000", clip.toString()).code(), "endpoint without scheme");
        assertEquals(2, run("monitor", "a=" + clip, "a=" + clip).code(), "duplicate ids");
        assertEquals(2, run("monitor", "--workers", "0", clip.toString()).code(), "no workers");
    }

    private static Run run(String... args) {
        CommandLine cl = Avmon.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
