package avmon.monolith.source;

import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import java.util.concurrent.TimeUnit;

/**
 * A stream handed out no faster than real time: each sample comes out when as much wall-clock time has
 * passed since the first one as stream time has. Plays a file as if it were a live source, for tests and
 * for the capacity benchmark. A reader slower than real time gets samples at once (it is behind).
 *
 * <p>Paced by segment, the stream is released a segment at a time instead, as live HLS arrives: every
 * sample of a segment as soon as the segment's time has come, so a reader decodes each segment in one go,
 * as it does behind FFmpeg's HLS demuxer. A phase shifts the segment boundaries: with phase {@code p} the
 * first segment is {@code segment - p} long, so streams given different phases arrive at different moments,
 * as independent live streams do.
 */
public final class PacedMediaStream implements MediaStream {

    /** Longest single sleep, so that an interruption is noticed promptly. */
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final MediaStream inner;
    private final Interruption interruption;
    private final double segmentSeconds;
    private final double phaseSeconds;
    private long wallStart;
    private double streamStart = Double.NaN;

    /** Paces {@code inner}; a wait gives up with READ_FAILED once {@code interruption} (may be null) fires. */
    public PacedMediaStream(MediaStream inner, Interruption interruption) {
        this(inner, interruption, 0);
    }

    /**
     * Paces {@code inner} a segment of {@code segmentSeconds} at a time (0: sample by sample); a wait gives up
     * with READ_FAILED once {@code interruption} (may be null) fires.
     */
    public PacedMediaStream(MediaStream inner, Interruption interruption, double segmentSeconds) {
        this(inner, interruption, segmentSeconds, 0);
    }

    /**
     * Paces {@code inner} a segment of {@code segmentSeconds} at a time, its boundaries shifted by
     * {@code phaseSeconds} (0 up to the segment length); a wait gives up with READ_FAILED once
     * {@code interruption} (may be null) fires.
     */
    public PacedMediaStream(MediaStream inner, Interruption interruption, double segmentSeconds, double phaseSeconds) {
        if (segmentSeconds < 0) {
            throw new IllegalArgumentException("segment length must not be negative: " + segmentSeconds);
        }
        if (phaseSeconds < 0 || phaseSeconds > 0 && phaseSeconds >= segmentSeconds) {
            throw new IllegalArgumentException("phase must be 0 or more and shorter than a segment: " + phaseSeconds);
        }
        this.inner = inner;
        this.interruption = interruption;
        this.segmentSeconds = segmentSeconds;
        this.phaseSeconds = phaseSeconds;
    }

    @Override
    public StreamInfo info() {
        return inner.info();
    }

    @Override
    public MediaSample next() throws MediaException {
        MediaSample sample = inner.next();
        if (sample == null) {
            return null;
        }
        if (Double.isNaN(streamStart)) {
            streamStart = sample.time();
            wallStart = System.nanoTime();
        }
        double since = sample.time() - streamStart;
        if (segmentSeconds > 0) {
            since = Math.max(0, Math.floor((since + phaseSeconds) / segmentSeconds) * segmentSeconds - phaseSeconds);
        }
        long due = wallStart + (long) (since * 1e9);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            if (interruption != null && interruption.isInterrupted()) {
                throw new MediaException(MediaException.Reason.READ_FAILED, info().source(),
                        info().source() + ": interrupted while waiting for real time");
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, MAX_SLEEP_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaException(MediaException.Reason.READ_FAILED, info().source(),
                        info().source() + ": thread interrupted while waiting for real time", e);
            }
        }
        return sample;
    }

    @Override
    public double endTime() {
        return inner.endTime();
    }

    @Override
    public void close() {
        inner.close();
    }
}
