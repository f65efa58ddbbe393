package avmon.core.media;

/**
 * A decoded stream, pulled one sample at a time so that nothing holds the whole stream in memory and a
 * slow consumer slows the decoder down instead of queueing frames.
 */
public interface MediaStream extends AutoCloseable {

    /** What the input holds, known once it is open. */
    StreamInfo info();

    /**
     * The next picture or audio run in presentation order, or {@code null} at the end of the input.
     *
     * @throws MediaException when the input cannot be read or decoded any further
     */
    MediaSample next() throws MediaException;

    /** Stream time in seconds of the end of the last sample handed out (the end of the input once drained). */
    double endTime();

    @Override
    void close();
}
