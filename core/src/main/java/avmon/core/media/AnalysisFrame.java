package avmon.core.media;

import java.util.List;

/**
 * A decoded picture reduced to what the detectors need: a gray (luma) thumbnail, packed row by row
 * without padding, and the errors the decoder reported while decoding it.
 *
 * @param index         position of the frame in the stream, from 0
 * @param time          presentation time in seconds of stream time
 * @param width         thumbnail width in pixels
 * @param height        thumbnail height in pixels
 * @param luma          {@code width * height} luma values, 0..255, limited or full range as decoded
 * @param decoderErrors the decoder's own error reports for this picture ("error while decoding MB ...",
 *                      "concealing ..."), empty for a clean decode
 */
public record AnalysisFrame(long index, double time, int width, int height, byte[] luma,
                            List<String> decoderErrors) implements MediaSample {

    public AnalysisFrame {
        if (luma.length != width * height) {
            throw new IllegalArgumentException("luma has " + luma.length + " values, expected " + width * height);
        }
        decoderErrors = List.copyOf(decoderErrors);
    }

    /** Luma of the pixel at column x, row y, as 0..255. */
    public int lumaAt(int x, int y) {
        return luma[y * width + x] & 0xff;
    }
}
