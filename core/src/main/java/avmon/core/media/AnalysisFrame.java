package avmon.core.media;

import java.util.List;

/**
 * A decoded picture reduced to what the detectors need: a gray (luma) thumbnail, packed row by row
 * without padding, the errors the decoder reported while decoding it, and whether it is a keyframe.
 *
 * @param index         position of the frame in the stream, from 0
 * @param time          presentation time in seconds of stream time
 * @param width         thumbnail width in pixels
 * @param height        thumbnail height in pixels
 * @param luma          {@code width * height} luma values, 0..255, limited or full range as decoded
 * @param decoderErrors the decoder's own error reports for this picture ("error while decoding MB ...",
 *                      "concealing ..."), empty for a clean decode
 * @param keyframe      whether the decoder says the picture is coded without reference to earlier pictures (a
 *                      keyframe or another intra picture): damage carried over from earlier pictures ends here
 */
public record AnalysisFrame(long index, double time, int width, int height, byte[] luma,
                            List<String> decoderErrors, boolean keyframe) implements MediaSample {

    public AnalysisFrame {
        if (luma.length != width * height) {
            throw new IllegalArgumentException("luma has " + luma.length + " values, expected " + width * height);
        }
        decoderErrors = List.copyOf(decoderErrors);
    }

    /** A picture not known to be a keyframe (made by hand, or from a source that does not say). */
    public AnalysisFrame(long index, double time, int width, int height, byte[] luma, List<String> decoderErrors) {
        this(index, time, width, height, luma, decoderErrors, false);
    }

    /** Luma of the pixel at column x, row y, as 0..255. */
    public int lumaAt(int x, int y) {
        return luma[y * width + x] & 0xff;
    }
}
