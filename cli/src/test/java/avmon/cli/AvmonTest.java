package avmon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AvmonTest {

    @Test
    void help_noArguments_listsUsage() {
        CommandLine cl = Avmon.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("--help");
        assertEquals(0, code);
        assertTrue(out.toString().contains("Usage: avmon"), () -> "help text was: " + out);
    }

    @Test
    void execute_unknownVerb_exitsWithUsageError() {
        CommandLine cl = Avmon.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("no-such-verb");
        assertEquals(2, code);
        assertTrue(err.toString().contains("no-such-verb"), () -> "error text was: " + err);
    }
}
