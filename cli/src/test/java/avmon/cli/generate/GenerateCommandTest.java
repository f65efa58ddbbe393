package avmon.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.detect.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void generate_oneStreamWithDefect_writesPlaylistAndTruth() throws Exception {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--id", "mine", "--size", "320x180",
                "--duration", "4", "--defect", "freeze@0.5+2.5");

        assertEquals(0, run.exitCode(), () -> "success: " + run);
        assertTrue(Files.isRegularFile(dir.resolve("mine/index.m3u8")), "playlist written");
        assertTrue(Files.isRegularFile(dir.resolve("mine/seg00001.ts")), "segments written");
        String truth = Files.readString(dir.resolve("mine/truth.json"));
        assertTrue(truth.contains("\"freeze\"") && truth.contains("\"start\" : 0.52"), "truth has the freeze: " + truth);
        assertTrue(run.out().contains("wrote " + dir.resolve("mine/index.m3u8")), () -> "says what it wrote: " + run);
        assertTrue(run.out().contains("freeze 0.52-3.00"), () -> "lists the defects: " + run);
        assertTrue(run.err().contains("mine: encoding 100%"), () -> "progress on stderr: " + run);
    }

    @Test
    void generate_badDefect_isUsageErrorInOneLine() {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--defect", "freeze at 3");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("type@start+duration"), () -> "explains the form: " + run);
    }

    @Test
    void generate_defectPastTheEnd_isUsageError() {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--duration", "3",
                "--defect", "black@2+2");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("after the stream"), () -> "says why: " + run);
    }

    @Test
    void generate_avSyncWithoutSyncPattern_isUsageError() {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--duration", "5",
                "--defect", "av_sync@1+2=0.1");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("needs the sync pattern"), () -> "says why: " + run);
    }

    @Test
    void generate_suiteWithStreamOptions_isUsageError() {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--suite", "small",
                "--defect", "freeze@1+2");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
    }

    @Test
    void generate_oneStreamWithCuts_truthListsTheCutsAndTheBlackShot() throws Exception {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--id", "shots", "--size", "160x90",
                "--duration", "4", "--no-audio", "--cut", "0.5=black", "--cut", "2.7=text:3");

        assertEquals(0, run.exitCode(), () -> "success: " + run);
        String truth = Files.readString(dir.resolve("shots/truth.json"));
        assertTrue(truth.contains("\"sceneCuts\" : [ 0.52, 2.72 ]"), "truth lists the cuts: " + truth);
        assertTrue(run.out().contains("2 scene cuts): freeze 0.52-2.72, black 0.52-2.72"),
                () -> "counts the cuts and lists the black shot, nothing at the cuts: " + run);
    }

    @Test
    void generate_cutChangingNothing_isUsageErrorInOneLine() {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--seed", "5", "--cut", "2=texture");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("would change nothing"), () -> "says why: " + run);
    }

    @Test
    void generate_unknownSuite_isUsageError() {
        CommandRun run = CommandRun.of("generate", "--out", dir.toString(), "--suite", "huge");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("unknown suite 'huge'"), () -> "names the suite: " + run);
    }
}
