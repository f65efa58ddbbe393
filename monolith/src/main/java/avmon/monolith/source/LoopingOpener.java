package avmon.monolith.source;

import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaStream;

/**
 * Opens every source as its input played over and over up to a given duration ({@link LoopingMediaStream}),
 * at real time when the source is live: long streams from a short clip, for the benchmarks.
 */
public final class LoopingOpener implements MediaOpener {

    private final MediaOptions options;
    private final double duration;
    private final double segmentSeconds;

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
        return source.live() ? new PacedMediaStream(looped, interruption, segmentSeconds) : looped;
    }
}
