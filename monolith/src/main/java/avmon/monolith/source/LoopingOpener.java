package avmon.monolith.source;

import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens every source as its input played over and over up to a given duration ({@link LoopingMediaStream}),
 * at real time when the source is live: long streams from a short clip, for the benchmarks.
 *
 * <p>Live streams released a segment at a time get each its own phase, spread evenly over the segment length
 * whatever the count (the fractional parts of multiples of the golden ratio): independent live streams finish
 * their segments at unrelated moments. Were they all in step, every stream's segment would land at the same
 * instant, and the last stream served in each burst would lag by the whole burst even on a core with time
 * to spare.
 */
public final class LoopingOpener implements MediaOpener {

    private static final double GOLDEN_FRACTION = (Math.sqrt(5) - 1) / 2;

    private final MediaOptions options;
    private final double duration;
    private final double segmentSeconds;
    private final AtomicInteger opened = new AtomicInteger();

    /** Streams of {@code duration} seconds, decoded with {@code options}, live ones paced sample by sample. */
    public LoopingOpener(MediaOptions options, double duration) {
        this(options, duration, 0);
    }

    /**
     * Streams of {@code duration} seconds, decoded with {@code options}; live ones released a segment of
     * {@code segmentSeconds} at a time, as live HLS arrives (0: sample by sample).
     */
    public LoopingOpener(MediaOptions options, double duration, double segmentSeconds) {
        this.options = options;
        this.duration = duration;
        this.segmentSeconds = segmentSeconds;
    }

    @Override
    public MediaStream open(StreamSource source, Interruption interruption) throws MediaException {
        MediaStream looped = new LoopingMediaStream(
                () -> FfmpegMediaStream.open(source.location(), options, interruption), duration);
        if (!source.live()) {
            return looped;
        }
        double phase = segmentSeconds * ((opened.getAndIncrement() * GOLDEN_FRACTION) % 1.0);
        return new PacedMediaStream(looped, interruption, segmentSeconds, phase);
    }
}
