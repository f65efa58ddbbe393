package avmon.cli.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.detect.CommandRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad usage of the training and benchmark verbs; training itself takes minutes and never runs in the build. */
class TrainCommandTest {

    @Test
    void train_withoutOut_isUsageErrorInOneLine() {
        CommandRun run = CommandRun.of("train");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("--out"), () -> "names the missing option: " + run);
    }

    @Test
    void train_noEpochs_isUsageError() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--epochs", "0");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("--epochs"), () -> "says which option: " + run);
    }

    @Test
    void train_tooFewStreams_isUsageError() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--streams-per-kind", "1");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("at least 2 streams"), () -> "says why: " + run);
    }

    @Test
    void train_oddStreamSize_isUsageErrorNamingTheSize() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--stream-sizes", "1280x720,641x361");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("641x361"), () -> "names the size: " + run);
    }

    @Test
    void train_unknownEncodingMix_isUsageErrorListingTheKnown() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--encodings", "h265");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("h265") && run.err().contains("varied"), () -> "names it and the known: " + run);
    }

    @Test
    void train_unknownContent_isUsageErrorNamingIt() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--contents", "texture,cartoon");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("cartoon"), () -> "names the content: " + run);
    }

    @Test
    void train_sameContentTwice_isUsageError() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--contents", "text,text");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("different picture contents"), () -> "says why: " + run);
    }

    @Test
    void train_twoFilterCounts_isUsageErrorNamingThem() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--filters", "16,24");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("[16, 24]") && run.err().contains("three filter counts"), () -> "says why: " + run);
    }

    @Test
    void train_negativeCleanValidation_isUsageError() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--clean-validation", "-2");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("-2 clean validation streams"), () -> "says why: " + run);
    }

    @Test
    void train_negativeFreezeStreams_isUsageError() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--freeze-streams", "-1");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("-1 freeze streams"), () -> "says why: " + run);
    }

    @Test
    void train_negativeStillDamageStreams_isUsageError() {
        CommandRun run = CommandRun.of("train", "--out", "x", "--still-damage-streams", "-1");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("-1 still damage streams"), () -> "says why: " + run);
    }

    @Test
    void help_committedModelExample_needsNoDataOptions() {
        CommandRun run = CommandRun.of("train", "--help");

        assertTrue(run.out().contains("--encodings varied --contents all"), () -> "varied data is opt-in: " + run);
        assertEquals("default", new CommandLine(new TrainCommand()).getCommandSpec().findOption("--encodings")
                .defaultValue(), "the default encodings are the committed model's");
    }

    @Test
    void modelBench_noRounds_isUsageError() {
        CommandRun run = CommandRun.of("model-bench", "--rounds", "0");

        assertEquals(2, run.exitCode(), () -> "usage error: " + run);
        assertTrue(run.err().contains("--rounds"), () -> "says which option: " + run);
    }
}
