package avmon.cli.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.Avmon;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's workloads and counts; the figures themselves are for the command to print, not to test. */
class SfnBenchCommandTest {

    @Test
    void bench_smallWorkloads_countsTheTransitionsOfEachRun() {
        CommandLine cl = Avmon.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("sfn", "bench", "--iterations", "10", "--items", "5", "--warmup", "0", "--rounds", "1");

        assertEquals(0, code, () -> "exit code; stderr: " + err);
        // The loop enters Check 11 times, Increment 10 times and Done once; the Map enters itself and 5 items.
        assertEquals(2, count(out.toString(), " 22 "), () -> "two loop rows with 22 transitions: " + out);
        assertEquals(2, count(out.toString(), " 6 "), () -> "two Map rows with 6 transitions: " + out);
        assertTrue(out.toString().contains("history kept, limit lifted"), () -> "says how history is handled: " + out);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
