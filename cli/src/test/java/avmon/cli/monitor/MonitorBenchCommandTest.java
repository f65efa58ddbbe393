package avmon.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.Avmon;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark verbs on a tiny clip: that they run their phases and print their figures, not what the figures are. */
class MonitorBenchCommandTest {

    @Test
    void capacity_tinyRun_printsBothThroughputsTheRatioAndTheRealTimeCheck() {
        StringWriter out = new StringWriter();
        int code = run(out, "monitor-bench", "capacity", "--size", "160x90", "--streams", "1", "--seconds", "3",
                "--realtime-seconds", "1");

        String text = out.toString();
        assertEquals(0, code, () -> "exit code; output: " + text);
        assertTrue(text.matches("(?s).*decode only\\s+1\\s+\\d.*"), () -> "decode-only row: " + text);
        assertTrue(text.matches("(?s).*full analysis\\s+1\\s+\\d.*"), () -> "analysis row: " + text);
        assertTrue(text.contains("full analysis / decode only:"), () -> "ratio: " + text);
        assertTrue(text.matches("(?s).*real time: \\d+ streams at once.*CPU seconds per stream-hour.*"),
                () -> "real-time check and metering: " + text);
        assertTrue(text.matches("(?s).*mean lag grows [+-]\\d+\\.\\d+ s per minute.*: (KEPT UP|DID NOT KEEP UP).*"),
                () -> "whether the lag grew, and the verdict: " + text);
        assertTrue(text.contains("sustained in real time:"), () -> "the sustained count: " + text);
    }

    @Test
    void capacity_segmentPacing_realTimeCheckSaysItsStreamsArriveBySegment() {
        StringWriter out = new StringWriter();
        int code = run(out, "monitor-bench", "capacity", "--size", "160x90", "--streams", "1", "--seconds", "3",
                "--realtime-seconds", "3", "--realtime-streams", "2", "--segment-seconds", "1");

        String text = out.toString();
        assertEquals(0, code, () -> "exit code; output: " + text);
        assertTrue(text.contains("real time: 2 streams at once for 3 s (in 1 s segments)"), () -> "check by segment: " + text);
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
