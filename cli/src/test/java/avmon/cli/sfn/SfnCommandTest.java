package avmon.cli.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.Avmon;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SfnCommandTest {

    @Test
    void sfn_noSubcommand_printsUsage() {
        CommandLine cl = Avmon.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("sfn");
        assertEquals(0, code, "exit code");
        assertTrue(out.toString().contains("Usage: avmon sfn"), () -> "usage text was: " + out);
    }
}
