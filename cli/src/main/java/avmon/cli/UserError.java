package avmon.cli;

/** A failure caused by what the user asked for: printed as one line, with its own exit code. */
public class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message) {
        this(message, CliErrors.INPUT_FAILED);
    }

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
