package avmon.core.blockiness;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures {@link BlockinessMetric} on every picture of a source at the source's own picture size: the luma plane
 * as decoded (the gray conversion of a planar YUV picture at its own size is a copy of its Y plane), as the
 * FFmpeg filter sees it. This is a decode of its own, much dearer than the monitor's thumbnails, kept for
 * evaluation: the monitor's detectors never need it.
 */
public final class BlockinessScan {

    /**
     * One picture's blockiness.
     *
     * @param index      the picture's index in the stream
     * @param time       its time, seconds of stream time
     * @param picture    the blockiness of this picture alone
     * @param cumulative the figure FFmpeg's filter prints for it (all pictures so far, see {@link CumulativeBlockiness})
     */
    public record FrameBlockiness(long index, double time, double picture, double cumulative) {
    }

    private final BlockinessMetric metric;

    public BlockinessScan(BlockinessMetric metric) {
        this.metric = metric;
    }

    /**
     * The blockiness of every picture of {@code source} (a path or URL), in presentation order.
     *
     * @throws MediaException when the source cannot be read, or has no video
     */
    public List<FrameBlockiness> scan(String source) throws MediaException {
        MediaOptions options = fullSize(source);
        List<FrameBlockiness> out = new ArrayList<>();
        CumulativeBlockiness running = new CumulativeBlockiness(metric);
        try (MediaStream stream = FfmpegMediaStream.open(source, options)) {
            for (MediaSample s = stream.next(); s != null; s = stream.next()) {
                if (s instanceof AnalysisFrame frame) {
                    BlockinessMetric.Profile profile = metric.profile(frame.luma(), frame.width(), frame.height(),
                            frame.width());
                    out.add(new FrameBlockiness(frame.index(), frame.time(), metric.score(profile),
                            running.add(profile)));
                }
            }
        }
        return out;
    }

    /** Decoding options that keep the pictures at the source's own size, without audio. */
    private static MediaOptions fullSize(String source) throws MediaException {
        StreamInfo info;
        try (MediaStream probe = FfmpegMediaStream.open(source, MediaOptions.defaults().withAudio(false))) {
            info = probe.info();
        }
        if (!info.hasVideo() || info.width() < 2 || info.height() < 2) {
            throw new MediaException(MediaException.Reason.NO_USABLE_STREAM, source,
                    source + ": no video to measure blockiness on");
        }
        return MediaOptions.defaults().withAudio(false).withThumbnailSize(info.width(), info.height());
    }
}
