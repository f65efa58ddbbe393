package avmon.cli.detect;

import avmon.cli.Avmon;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code avmon} command line with its output captured.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
public record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code avmon args...} in this JVM. */
    public static CommandRun of(String... args) {
        CommandLine cl = Avmon.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Lines of standard error that are not blank. */
    public java.util.List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
