package avmon.cli.report;

/** A file given as a saved comparison ({@code report.json}) that is missing, unreadable or something else. */
public final class NotAReportException extends Exception {

    public NotAReportException(String message) {
        super(message);
    }

    public NotAReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
