package avmon.core.media;

import org.bytedeco.ffmpeg.global.avutil;

/** Turns FFmpeg's negative return codes into words and into the {@link MediaException.Reason} they mean. */
final class FfmpegErrors {

    private static final int ENOENT = 2;
    private static final int EACCES = 13;

    private FfmpegErrors() {
    }

    /** FFmpeg's own text for an error code, e.g. "No such file or directory". */
    static String describe(int code) {
        byte[] text = new byte[256];
        avutil.av_strerror(code, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What a failure to open an input means. */
    static MediaException.Reason reasonForOpen(int code) {
        if (code == -ENOENT || code == -EACCES
                || code == avutil.AVERROR_HTTP_NOT_FOUND || code == avutil.AVERROR_HTTP_FORBIDDEN) {
            return MediaException.Reason.NOT_FOUND;
        }
        if (code == avutil.AVERROR_INVALIDDATA || code == avutil.AVERROR_DEMUXER_NOT_FOUND) {
            return MediaException.Reason.NOT_MEDIA;
        }
        return MediaException.Reason.READ_FAILED;
    }
}
