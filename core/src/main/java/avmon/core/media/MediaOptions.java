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
 */
public record MediaOptions(int thumbnailWidth, int thumbnailHeight, boolean analyseAudio, boolean keyframesOnly,
                           Double streamOrigin) {

    /** The default thumbnail size, 16:9 and small enough that the detectors cost almost nothing. */
    public static final int DEFAULT_WIDTH = 160;
    public static final int DEFAULT_HEIGHT = 90;

    public MediaOptions {
        if (thumbnailWidth < 2 || thumbnailHeight < 2) {
            throw new IllegalArgumentException("thumbnail size must be at least 2x2, got "
                    + thumbnailWidth + "x" + thumbnailHeight);
        }
    }

    /** 160x90 thumbnails, audio on, every picture, origin from the input. */
    public static MediaOptions defaults() {
        return new MediaOptions(DEFAULT_WIDTH, DEFAULT_HEIGHT, true, false, null);
    }

    public MediaOptions withThumbnailSize(int width, int height) {
        return new MediaOptions(width, height, analyseAudio, keyframesOnly, streamOrigin);
    }

    public MediaOptions withAudio(boolean analyse) {
        return new MediaOptions(thumbnailWidth, thumbnailHeight, analyse, keyframesOnly, streamOrigin);
    }

    public MediaOptions withKeyframesOnly(boolean keyframes) {
        return new MediaOptions(thumbnailWidth, thumbnailHeight, analyseAudio, keyframes, streamOrigin);
    }

    /** The same options, with stream time counted from {@code origin} seconds of the input's timestamps. */
    public MediaOptions withStreamOrigin(Double origin) {
        return new MediaOptions(thumbnailWidth, thumbnailHeight, analyseAudio, keyframesOnly, origin);
    }
}
