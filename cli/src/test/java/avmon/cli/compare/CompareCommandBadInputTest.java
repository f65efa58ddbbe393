package avmon.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.Avmon;
import avmon.cli.CliErrors;
import avmon.cli.detect.CommandRun;
import avmon.cli.model.MeasuredRun;
import avmon.cli.report.ComparisonReport;
import avmon.cli.report.ReportJson;
import avmon.cli.model.MeasuredRun.DetectionCheck;
import avmon.cli.serverless.LocalPipeline;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad options fail before any work with one clear line; a stream one design cannot run still gives a report. */
class CompareCommandBadInputTest {

    @TempDir
    Path dir;

    @Test
    void call_zeroStreams_usageError() {
        CommandRun r = CommandRun.of("compare", "--out", dir.toString(), "--streams", "0");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--streams must be 1 to"), r::toString);
    }

    @Test
    void call_unknownDetector_usageErrorNamingTheKnownOnes() {
        CommandRun r = CommandRun.of("compare", "--out", dir.toString(), "--detectors", "freeze,nosuch");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("nosuch") && r.err().contains("av_sync"), r::toString);
    }

    @Test
    void call_streamsTooShortForADefect_usageError() {
        CommandRun r = CommandRun.of("compare", "--out", dir.toString(), "--duration", "3");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--duration"), r::toString);
    }

    @Test
    void call_outUnderAFile_usageErrorBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CommandRun r = CommandRun.of("compare", "--out", file.resolve("report").toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("cannot write there"), r::toString);
        assertTrue(!r.err().contains("generating:"), () -> "nothing generated: " + r);
    }

    @Test
    void call_useStreamsWithoutStreams_errorNamingTheFolder() {
        CommandRun r = CommandRun.of("compare", "--out", dir.resolve("out").toString(), "--use-streams", dir.toString());
        assertEquals(CliErrors.INPUT_FAILED, r.exitCode(), r::toString);
        assertTrue(r.err().contains("holds no stream folders"), r::toString);
    }

    @Test
    void call_useStreamsMissingFolder_errorNamingIt() {
        CommandRun r = CommandRun.of("compare", "--out", dir.resolve("out").toString(), "--use-streams",
                dir.resolve("nowhere").toString());
        assertEquals(CliErrors.INPUT_FAILED, r.exitCode(), r::toString);
        assertTrue(r.err().contains("nowhere: no such folder"), r::toString);
    }

    @Test
    void call_converterFailsInTheServerlessDesign_reportWrittenFailureNamedExitOne() throws Exception {
        CompareCommand command = new CompareCommand(b -> b.handler(LocalPipeline.CONVERTER,
                env -> (RequestHandler<Map<String, Object>, Object>) (event, context) -> {
                    throw new IllegalStateException("converter out of order for the test");
                }));
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new CliErrors());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("--out", dir.toString(), "--streams", "1", "--duration", "8", "--size", "320x180");

        String run = "exit " + code + "\n" + out + "\n" + err;
        assertEquals(CliErrors.INPUT_FAILED, code, run);
        assertTrue(out.toString().contains("NOT A CLEAN COMPARISON"), () -> "the banner: " + run);
        assertTrue(out.toString().contains("serverless could not run 01-freeze")
                && out.toString().contains("converter out of order for the test"), () -> "the failure named: " + run);
        MeasuredRun measured = ReportJson.read(dir.resolve(ComparisonReport.JSON)).run();
        DetectionCheck serverless = measured.detection().stream().filter(c -> c.design().equals("serverless"))
                .findFirst().orElseThrow();
        DetectionCheck monolith = measured.detection().stream().filter(c -> c.design().equals("monolith"))
                .findFirst().orElseThrow();
        assertTrue(serverless.failure() != null && serverless.failure().contains("converter out of order"),
                () -> "the report names the failure: " + serverless);
        assertTrue(monolith.complete(), () -> "the monolith still ran the stream: " + monolith);
        assertTrue(Avmon.commandLine().getSubcommands().containsKey("compare"), "the verb is registered");
    }
}
