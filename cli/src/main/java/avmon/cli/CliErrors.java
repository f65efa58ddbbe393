package avmon.cli;

import avmon.core.corruption.ModelFileException;
import avmon.core.media.MediaException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on standard error and an exit code, never a bare stack trace
 * ({@code AVMON_DEBUG=1} prints the trace too).
 *
 * <p>Exit codes: 1 the work ran and found a failure (an unreadable input), 2 bad usage, 3 unexpected error.
 */
public final class CliErrors implements IExecutionExceptionHandler {

    /** An input could not be read. */
    public static final int INPUT_FAILED = 1;
    /** Something went wrong that is not the user's input. */
    public static final int INTERNAL = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof MediaException me) {
            err.println("avmon: " + me.getMessage());
            code = INPUT_FAILED;
        } else if (ex instanceof ModelFileException mfe) {
            err.println("avmon: " + mfe.getMessage());
            code = INPUT_FAILED;
        } else if (ex instanceof UserError ue) {
            err.println("avmon: " + ue.getMessage());
            code = ue.exitCode();
        } else {
            err.println("avmon: unexpected error: " + ex);
            code = INTERNAL;
        }
        if (System.getenv("AVMON_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
