package avmon.core.media;

/**
 * How an input is decoded into analysis frames and audio.
 *
 * @param thumbnailWidth  width of the gray analysis thumbnails in pixels
 * @param thumbnailHeight height of the gray analysis thumbnails in pixels
 * @param analyseAudio    whether audio is decoded into {@link AudioBuffer}s; when false audio is skipped
 * @param keyframesOnly   whether only keyframes are decoded (much faster, one picture per GOP)
 * @param streamOrigin    the stream's origin in seconds of the input's own timestamps (its first PTS), or
 *                        {@code null} to take the input's start time; a caller reading one later segment on
 *                        its own passes the origin of the first segment so that times stay stream times
 * @param scaling         how pictures shrink to thumbnails
 */
public record MediaOptions(int thumbnailWidth, int thumbnailHeight, boolean analyseAudio, boolean keyframesOnly,
                           Double streamOrigin, Scaling scaling) {

    /** How a picture shrinks to its thumbnail. */
    public enum Scaling {
        /**
         * Each thumbnail pixel is one picture pixel (swscale's point sampling). The cheapest (about 0.01 ms a
         * 720p picture against 0.15 ms for bilinear, next to 1.5 to 3 ms of decoding), and an unbiased sample
         * of the picture: the share of black pixels and the mean absolute difference between pictures, which
         * FFmpeg's blackdetect and freezedetect measure over every pixel, come out the same on average, where
         * averaging would smooth noise and fine detail away.
         */
        POINT,
        /** Each thumbnail pixel averages its area of the picture: smoother, for eyes and trained models. */
        AREA
    }

    /** The default thumbnail size, 16:9 and small enough that the detectors cost almost nothing. */
    public static final int DEFAULT_WIDTH = 160;
    public static final int DEFAULT_HEIGHT = 90;

    public MediaOptions {
        java.util.Objects.requireNonNull(scaling, "scaling");
        if (thumbnailWidth < 2 || thumbnailHeight < 2) {
            throw new IllegalArgumentException("thumbnail size must be at least 2x2, got "
                    + thumbnailWidth + "x" + thumbnailHeight);
        }
    }

    /** 160x90 point-sampled thumbnails, audio on, every picture, origin from the input. */
    public static MediaOptions defaults() {
        return new MediaOptions(DEFAULT_WIDTH, DEFAULT_HEIGHT, true, false, null, Scaling.POINT);
    }

    public MediaOptions withThumbnailSize(int width, int height) {
        return new MediaOptions(width, height, analyseAudio, keyframesOnly, streamOrigin, scaling);
    }

    public MediaOptions withAudio(boolean analyse) {
        return new MediaOptions(thumbnailWidth, thumbnailHeight, analyse, keyframesOnly, streamOrigin, scaling);
    }

    public MediaOptions withKeyframesOnly(boolean keyframes) {
        return new MediaOptions(thumbnailWidth, thumbnailHeight, analyseAudio, keyframes, streamOrigin, scaling);
    }

    /** The same options, with stream time counted from {@code origin} seconds of the input's timestamps. */
    public MediaOptions withStreamOrigin(Double origin) {
        return new MediaOptions(thumbnailWidth, thumbnailHeight, analyseAudio, keyframesOnly, origin, scaling);
    }

    /** The same options with thumbnails made by {@code how}. */
    public MediaOptions withScaling(Scaling how) {
        return new MediaOptions(thumbnailWidth, thumbnailHeight, analyseAudio, keyframesOnly, streamOrigin, how);
    }
}
