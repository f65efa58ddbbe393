package avmon.cli.compare;

/**
 * Progress of a comparison, one named phase at a time (generating, serverless, monolith, report): how far the
 * phase is, out of a total known when it starts, and notes worth a line of their own.
 */
public interface Progress extends AutoCloseable {

    /** Starts a phase of {@code total} steps of {@code unit} (a previous phase ends). */
    void phase(String name, long total, String unit);

    /** The current phase has done {@code done} of its steps. */
    void advanceTo(long done);

    /** A line worth keeping (a stream that failed, a phase's result). */
    void note(String line);

    /** Ends the last phase. */
    @Override
    void close();
}
