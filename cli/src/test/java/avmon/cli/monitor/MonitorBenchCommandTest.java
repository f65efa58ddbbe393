package avmon.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.Avmon;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark verbs on a tiny clip: that they run their phases and print their figures, not what the figures are. */
class MonitorBenchCommandTest {

    @Test
    void capacity_oneCountAskedFor_checksItDecodingAloneAndAnalysedAndPrintsBothRatios() {
        StringWriter out = new StringWriter();
        int code = run(out, "monitor-bench", "capacity", "--size", "160x90", "--streams", "1", "--seconds", "3",
                "--realtime-seconds", "2", "--realtime-streams", "2");

        String text = out.toString();
        assertEquals(0, code, () -> "exit code; output: " + text);
        assertTrue(text.matches("(?s).*decode only\\s+1\\s+\\d.*"), () -> "decode-only row: " + text);
        assertTrue(text.matches("(?s).*full analysis\\s+1\\s+\\d.*"), () -> "analysis row: " + text);
        assertTrue(text.contains("full analysis / decode only by CPU time:"), () -> "CPU-time ratio: " + text);
        assertTrue(text.matches("(?s).*  decode only\\s+2 streams: worst lag.*settled lag grows [+-]\\d+\\.\\d+ s per minute"
                + ".*: (KEPT UP|DID NOT KEEP UP).*"), () -> "real-time check decoding alone: " + text);
        assertTrue(text.matches("(?s).*  full analysis\\s+2 streams: worst lag.*: (KEPT UP|DID NOT KEEP UP).*"),
                () -> "real-time check with full analysis: " + text);
        assertTrue(text.contains("sustained, decode only:") && text.contains("sustained, full analysis:"),
                () -> "both sustained counts: " + text);
        assertTrue(text.matches("(?s).*metering, 2 streams with full analysis: CPU seconds per stream-hour \\d.*"),
                () -> "metering: " + text);
        assertTrue(text.contains("full analysis / decode only in real time:"), () -> "real-time ratio: " + text);
    }

    @Test
    void capacity_segmentPacing_realTimeChecksSayTheirStreamsArriveBySegment() {
        StringWriter out = new StringWriter();
        int code = run(out, "monitor-bench", "capacity", "--size", "160x90", "--streams", "1", "--seconds", "3",
                "--realtime-seconds", "3", "--realtime-streams", "2", "--segment-seconds", "1");

        String text = out.toString();
        assertEquals(0, code, () -> "exit code; output: " + text);
        assertTrue(text.contains("in real time (3 s per check, streams arrive in 1 s segments;"), () -> "checks by segment: " + text);
    }

    @Test
    void capacity_search_stopsAtMaxStreamsWhenEveryCountKeepsUp() {
        StringWriter out = new StringWriter();
        // A 160x90 clip decodes hundreds of times faster than real time: every count up to the cap keeps up.
        int code = run(out, "monitor-bench", "capacity", "--size", "160x90", "--streams", "1", "--seconds", "3",
                "--realtime-seconds", "2", "--max-streams", "2");

        String text = out.toString();
        assertEquals(0, code, () -> "exit code; output: " + text);
        assertTrue(text.contains("sustained, decode only: at least 2 streams (no larger count tried)"),
                () -> "the cap is a lower bound: " + text);
        assertTrue(text.contains("full analysis / decode only in real time: 2 / 2 = 1.000"), () -> "ratio: " + text);
    }

    @Test
    void capacity_maxStreamsZero_isAUsageError() {
        StringWriter out = new StringWriter();
        int code = run(out, "monitor-bench", "capacity", "--max-streams", "0");

        assertEquals(2, code, "usage error");
    }

    @Test
    void memory_shortRun_printsHeapAfterGcOverStreamTime() {
        StringWriter out = new StringWriter();
        int code = run(out, "monitor-bench", "memory", "--size", "160x90", "--minutes", "0.5", "--every", "10");

        String text = out.toString();
        assertEquals(0, code, () -> "exit code; output: " + text);
        assertTrue(text.matches("(?s).*\\s30 s\\s+\\d+\\.\\d+\\s+\\d+\\.\\d.*"), () -> "sample at the end of 30 s: " + text);
        assertTrue(text.contains("heap after GC from"), () -> "first-to-last comparison: " + text);
    }

    @Test
    void memory_generatedClip_deletesItsFolderWhenTheRunEnds() {
        StringWriter out = new StringWriter();
        int code = run(out, "monitor-bench", "memory", "--size", "160x90", "--minutes", "0.2", "--every", "6");

        String text = out.toString();
        assertEquals(0, code, () -> "exit code; output: " + text);
        Matcher generated = Pattern.compile("clip of \\d+ s in (\\S+) \\(deleted when the run ends\\)").matcher(text);
        assertTrue(generated.find(), () -> "says where the clip is generated: " + text);
        assertFalse(Files.exists(Path.of(generated.group(1))), "the generated clip's folder is gone after the run");
    }

    @Test
    void capacity_missingClip_saysSo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Avmon.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("monitor-bench", "capacity", "--clip", "/no/such/clip.ts");

        assertEquals(1, code, "input error");
        assertTrue(err.toString().contains("no such file"), () -> "error: " + err);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cl = Avmon.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }
}
