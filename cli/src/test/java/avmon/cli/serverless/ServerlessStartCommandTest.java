package avmon.cli.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.detect.CommandRun;
import avmon.core.detect.DefectType;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerlessStartCommandTest {

    @TempDir
    Path dir;

    @Test
    void start_localTarget_runsTheStreamAndReportsWhatItUsed() throws Exception {
        GeneratedStream stream = new StreamGenerator().generate(StreamSpec.of("quiet", 2).withSize(320, 180)
                .withDuration(4).with(InjectedDefect.of(DefectType.SILENCE, 0.5, 2.5)), dir);

        CommandRun run = CommandRun.of("serverless", "start", "--detectors", "silence", stream.directory().toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("quiet: uploaded to s3://avmon-frames/streams/quiet/index.m3u8"), run::toString);
        assertTrue(run.err().contains("quiet: SUCCEEDED, 2 segments"), () -> "progress on stderr: " + run);
        assertTrue(run.out().contains("billed transitions"), run::toString);
        assertTrue(run.out().contains("agree"), () -> "service and histories agree: " + run);
        // A conversion that failed transiently is retried by the workflow (and listed as an error): count successes.
        assertEquals(2, successfulInvocations(run.out(), "avmon-converter"),
                () -> "one successful conversion per segment: " + run);
        assertTrue(run.out().contains("1 messages published"), () -> "the silence was published: " + run);
        assertTrue(run.out().matches("(?s).*quiet\\s+silence\\s+0\\.5\\d\\d - 3\\.0\\d\\d.*"),
                () -> "the notification is listed: " + run);
    }

    @Test
    void start_localTargetWithTheModel_detectorDeployedWithItAndFramesAtItsInput() throws Exception {
        // Without the model's deployment, the converter's default 160x90 frames would make every segment fail.
        GeneratedStream stream = new StreamGenerator().generate(StreamSpec.of("pattern", 3).withSize(320, 180)
                .withContent(PictureContent.PATTERNS).videoOnly().withDuration(2), dir);

        CommandRun run = CommandRun.of("serverless", "start", "--detectors", "corruption_model",
                stream.directory().toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("pattern: SUCCEEDED, 1 segments"), () -> "progress on stderr: " + run);
        assertTrue(run.out().matches("(?s).*avmon-detector\\s+1 invocations.*"), () -> "the model ran once: " + run);
    }

    @Test
    void start_notAStreamFolder_oneLineError() {
        CommandRun run = CommandRun.of("serverless", "start", dir.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("avmon: --target local takes stream folders"), run::toString);
    }

    @Test
    void start_remoteTargetWithoutStateMachine_usageError() {
        CommandRun run = CommandRun.of("serverless", "start", "--target", "aws", "s3://b/streams/x/index.m3u8");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--state-machine-arn"), run::toString);
        CommandRun local = CommandRun.of("serverless", "start", "--target", "localstack", "--state-machine-arn",
                "arn:aws:states:us-east-1:000000000000:stateMachine:x", "file:///etc/passwd");
        assertEquals(2, local.exitCode(), local::toString);
    }

    /** Invocations minus errors on the function's line of the Lambda table. */
    private static long successfulInvocations(String out, String function) {
        Matcher m = Pattern.compile(function + "\\s+(\\d+) invocations.*?(\\d+) errors").matcher(out);
        assertTrue(m.find(), () -> function + " is in the Lambda table: " + out);
        return Long.parseLong(m.group(1)) - Long.parseLong(m.group(2));
    }
}
