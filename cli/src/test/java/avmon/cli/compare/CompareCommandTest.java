package avmon.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.model.MeasuredRun;
import avmon.cli.report.ComparisonReport;
import avmon.cli.report.ReportJson;
import avmon.cli.model.MeasuredRun.DetectionCheck;
import avmon.cli.model.MeasuredRun.ServerlessCounts;
import avmon.cli.detect.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code avmon compare} on a small, fast workload (three 8-second 320x180 streams: a freeze, black with
 * silence, block corruption), run once; the tests read its output and its report.json. These are the
 * issue's cross-checks: independent counts of the same thing must agree.
 */
class CompareCommandTest {

    @TempDir
    static Path dir;

    private static CommandRun run;
    private static ReportJson.Saved saved;
    private static MeasuredRun measured;

    @BeforeAll
    static void compare() throws Exception {
        run = CommandRun.of("compare", "--out", dir.toString(), "--streams", "3", "--duration", "8",
                "--size", "320x180", "--expected-streams", "3000");
        saved = ReportJson.read(dir.resolve(ComparisonReport.JSON));
        measured = saved.run();
    }

    @Test
    void call_smallWorkload_exitsZeroAndPrintsBothDesignsAndTheReport() {
        assertEquals(0, run.exitCode(), () -> "a clean comparison exits 0\n" + run);
        assertTrue(run.out().contains("Serverless (") && run.out().contains("Monolith ("), () -> "both designs: " + run);
        assertTrue(run.out().contains(dir.resolve(ComparisonReport.HTML).toString()), () -> "where the report is: " + run);
        assertTrue(Files.isRegularFile(dir.resolve(ComparisonReport.HTML)), "the HTML report is written");
        assertTrue(!run.out().contains("NOT A CLEAN COMPARISON"), () -> "no banner on a clean run: " + run);
        for (String phase : List.of("generating:", "monolith:", "serverless:", "report:")) {
            assertTrue(run.err().contains(phase), () -> "progress of phase " + phase + " on standard error: " + run);
        }
    }

    @Test
    void call_smallWorkload_bothDesignsFindEveryInjectedDefectAndNothingElse() {
        assertEquals(6, measured.detection().size(), "one check per design and stream");
        for (DetectionCheck c : measured.detection()) {
            assertTrue(!c.expected().isEmpty(), () -> c.streamId() + ": the small workload injects a defect in every stream");
            assertTrue(c.complete(), () -> c.design() + " on " + c.streamId() + ": " + c);
        }
        assertTrue(measured.bothFoundEverything(), "both designs found everything");
    }

    @Test
    void call_smallWorkload_billedTransitionsEqualTheHistoriesCount() {
        ServerlessCounts s = measured.serverless();
        assertTrue(s.billedTransitions() > 0, "transitions were billed");
        assertEquals(s.historyTransitions(), s.billedTransitions(),
                "transitions the service billed = states entered + retries in the histories");
    }

    @Test
    void call_smallWorkload_s3PutsEqualFramesAudioAndManifestsWritten() {
        ServerlessCounts s = measured.serverless();
        long puts = s.s3Requests().get("PutObject");
        assertEquals(s.framesWritten() + s.audioWritten() + s.manifestsWritten(), puts,
                "every PUT is a picture, audio buffer or manifest the converter says it wrote");
        assertEquals(3 * 8 * 25, s.framesWritten(), "every picture of three 8 s streams at 25 fps, once");
        assertEquals(3 * 4, s.audioWritten(), "one audio buffer per 2 s segment");
        assertEquals(puts, s.s3Tier1(), "the functions' only tier 1 requests are the PUTs");
        assertTrue(s.bytesWritten() > 0, "bytes written");
    }

    @Test
    void call_smallWorkload_lambdaAndMonolithFiguresAreMeasured() {
        ServerlessCounts s = measured.serverless();
        assertEquals(3 * 4, s.perFunction().get(avmon.cli.serverless.LocalPipeline.CONVERTER).invocations(), "one conversion per segment");
        assertEquals(s.lambdaInvocations(), s.perFunction().values().stream()
                .mapToLong(MeasuredRun.FunctionCounts::invocations).sum(), "the total is the sum over the functions");
        s.perFunction().forEach((name, f) -> assertEquals(f.billedMs() / 1000.0 * f.memoryMb() / 1024.0,
                f.gbSeconds(), 1e-6, name + ": GB-seconds = billed seconds x memory"));
        assertEquals(s.snsMessages(), measured.monolith().snsMessages(),
                "the same defects, so the same number of notifications from both designs");
        assertTrue(measured.monolith().cpuSeconds() > 0 && measured.monolith().peakResidentMb() > 0,
                () -> "monolith CPU and memory measured: " + measured.monolith());
        assertEquals(25.0, measured.workload().analysedFps(), 1e-9, "pictures analysed per second of stream");
    }

    @Test
    void call_reportJson_holdsTheMeasuredRunAndTheExpectedLoadGiven() {
        assertEquals(3, measured.workload().streams(), "streams run: --streams");
        assertEquals(24.0, measured.workload().streamSeconds(), 1e-9, "stream time");
        assertEquals(3000, saved.assumptions().expectedStreams(), "expected load: --expected-streams");
    }
}
