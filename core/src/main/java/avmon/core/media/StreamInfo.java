package avmon.core.media;

/**
 * What an opened input holds.
 *
 * @param source      the input as given (path or URL)
 * @param hasVideo    whether there is a video stream
 * @param hasAudio    whether there is an audio stream
 * @param width       coded picture width, 0 without video
 * @param height      coded picture height, 0 without video
 * @param frameRate   nominal frames per second, 0 without video
 * @param sampleRate  audio samples per second, 0 without audio
 * @param channels    audio channels, 0 without audio
 * @param videoCodec  codec name ("h264"), or empty
 * @param audioCodec  codec name ("aac"), or empty
 */
public record StreamInfo(String source, boolean hasVideo, boolean hasAudio, int width, int height,
                         double frameRate, int sampleRate, int channels, String videoCodec, String audioCodec) {
}
