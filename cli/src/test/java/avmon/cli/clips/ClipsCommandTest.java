package avmon.cli.clips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.detect.CommandRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of {@code avmon clips --from}; the clips themselves are tested in core (IndependentClipsTest). */
class ClipsCommandTest {

    @TempDir
    Path dir;

    @Test
    void clips_damageWithoutFrom_isUsageError() {
        CommandRun run = CommandRun.of("clips", "--out", dir.toString(), "--damage", "1-2");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("--from"), () -> "says what it goes with: " + run);
    }

    @Test
    void clips_fromMissingFile_failsNamingIt() {
        CommandRun run = CommandRun.of("clips", "--out", dir.toString(), "--from", dir.resolve("gone.mkv").toString());

        assertEquals(1, run.exitCode(), () -> "fails: " + run);
        assertTrue(run.err().contains("gone.mkv"), () -> "names the file: " + run);
    }

    @Test
    void clips_damageNotARange_isUsageErrorNamingIt() {
        CommandRun run = CommandRun.of("clips", "--out", dir.toString(), "--from", "x.mkv", "--damage", "2.0");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("2.0") && run.err().contains("START-END"), () -> "says what is expected: " + run);
    }

    @Test
    void range_startAfterEnd_isUsageError() {
        CommandRun run = CommandRun.of("clips", "--out", dir.toString(), "--from", "x.mkv", "--damage", "3-2");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("3-2"), () -> "names the range: " + run);
    }
}
