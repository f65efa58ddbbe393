package avmon.core.independent;

import avmon.core.media.FfmpegLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Encodes a clip's pictures with JavaCV's {@link FFmpegFrameRecorder}: the recipe's encoder, GOP, B-frames and bit
 * rate, in its container. A path of its own, separate from the generator's encoders.
 */
final class ClipEncoder {

    /**
     * Writes the clean clip to {@code file}.
     *
     * @throws IOException when this FFmpeg build has no such encoder (the recorder would quietly pick another), or
     *                     the encoder or container refuses the settings
     */
    void encode(ClipRecipe recipe, long seed, Path file) throws IOException {
        FfmpegLibrary.load();
        if (avcodec.avcodec_find_encoder_by_name(recipe.codec()) == null) {
            throw new IOException(recipe.id() + ": this FFmpeg build has no encoder '" + recipe.codec() + "'");
        }
        ColourScene scene = new ColourScene(recipe.width(), recipe.height(), seed);
        byte[] bgr = new byte[recipe.width() * recipe.height() * 3];
        Frame frame = new Frame(recipe.width(), recipe.height(), Frame.DEPTH_UBYTE, 3);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), recipe.width(), recipe.height(), 0)) {
            recorder.setFormat(recipe.format());
            recorder.setVideoCodecName(recipe.codec());
            recorder.setFrameRate(ClipRecipe.FRAME_RATE);
            recorder.setGopSize(recipe.gop());
            recorder.setMaxBFrames(recipe.bFrames());
            recorder.setVideoBitrate(recipe.bitRate());
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            // libvpx's default quality deadline is slow; this speed keeps a 12 s clip to seconds.
            recorder.setVideoOption("cpu-used", "5");
            recorder.start();
            for (int n = 0; n < recipe.frames(); n++) {
                scene.draw(n, bgr);
                fill(frame, bgr, recipe.width() * 3, recipe.height());
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(recipe.id() + ": cannot encode with " + recipe.codec() + " into " + recipe.format()
                    + ": " + e.getMessage(), e);
        } finally {
            frame.close();
        }
    }

    /** Copies packed rows into the frame's buffer, whose rows may be padded. */
    private static void fill(Frame frame, byte[] bgr, int rowBytes, int rows) {
        ByteBuffer image = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int y = 0; y < rows; y++) {
            image.position(y * stride);
            image.put(bgr, y * rowBytes, rowBytes);
        }
        image.rewind();
    }
}
