package avmon.core.media;

import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A way to make a blocked {@link FfmpegMediaStream} give up, from another thread: opening an input or
 * reading it can block for as long as the network or a live playlist makes it wait (FFmpeg's HLS demuxer
 * waits for the next segment of a live playlist). Once {@link #interrupt()} is called, FFmpeg's I/O returns
 * at its next check, and the stream fails with {@link MediaException.Reason#READ_FAILED}.
 *
 * <p>One interruption belongs to one stream (pass it to {@link FfmpegMediaStream#open(String, MediaOptions,
 * Interruption)}); it cannot be reset. Thread-safe.
 */
public final class Interruption {

    /**
     * FFmpeg's interrupt callback, one for all streams: each stream's context points it at its own flag.
     * JavaCPP makes only a few instances of a callback class, so there must not be one per stream; kept in a
     * static field so the JVM never collects what FFmpeg holds a native pointer to.
     */
    private static final Callback CALLBACK = new Callback();

    /** Native so that FFmpeg's check reads it without looking anything up. */
    private final IntPointer flag = new IntPointer(1).put(0);
    private volatile boolean interrupted;

    /** Makes the stream's blocked or next I/O return with an error. */
    public void interrupt() {
        interrupted = true;
        flag.put(1);
    }

    /** Whether {@link #interrupt()} has been called. */
    public boolean isInterrupted() {
        return interrupted;
    }

    /** Points {@code callback} at this interruption. */
    void install(AVIOInterruptCB callback) {
        callback.callback(CALLBACK).opaque(flag);
    }

    private static final class Callback extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            return opaque == null || opaque.isNull() ? 0 : new IntPointer(opaque).get();
        }
    }
}
