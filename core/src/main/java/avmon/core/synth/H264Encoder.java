package avmon.core.synth;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.io.IOException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * H.264 through libopenh264 (the LGPL FFmpeg build has no x264): gray pictures in, limited-range YUV 4:2:0
 * with neutral chroma to the encoder, keyframes where the caller asks (segments must start on one).
 */
final class H264Encoder extends PacketEncoder {

    private static final int NEUTRAL_CHROMA = 128;

    private final byte[] toLimitedRange = new byte[256];
    private byte[] row = new byte[0];

    H264Encoder(int width, int height, int frameRate, int quantizer) throws IOException {
        super(openh264());
        context.width(width);
        context.height(height);
        context.pix_fmt(avutil.AV_PIX_FMT_YUV420P);
        context.time_base(new AVRational().num(1).den(frameRate));
        context.framerate(new AVRational().num(frameRate).den(1));
        // Keyframes are forced by the caller; the intra period only has to stay out of their way. openh264
        // still adds a keyframe of its own where the picture has changed a lot (its scene change detection,
        // which FFmpeg does not let us turn off): with this content, about 0.7 s after each forced one.
        context.gop_size(10 * frameRate);
        context.max_b_frames(0);
        // Constant quantizer, no rate control: the same picture then always encodes to the same bits, so a
        // frozen picture stays identical across the keyframes that start each segment.
        context.qmin(quantizer);
        context.qmax(quantizer);
        // One thread: openh264 slices pictures per thread, so the output (and the seed's promise of
        // identical streams) would otherwise depend on the machine's core count.
        context.thread_count(1);
        AVDictionary options = new AVDictionary(null);
        avutil.av_dict_set(options, "rc_mode", "off", 0);
        avutil.av_dict_set(options, "allow_skip_frames", "0", 0);
        try {
            FfmpegCalls.check(avcodec_open2(context, context.codec(), options), "open the H.264 encoder");
        } finally {
            avutil.av_dict_free(options);
        }
        frame.format(avutil.AV_PIX_FMT_YUV420P).width(width).height(height);
        FfmpegCalls.check(av_frame_get_buffer(frame, 0), "allocate a picture");
        for (int v = 0; v < 256; v++) {
            toLimitedRange[v] = (byte) (16 + Math.round(v * 219 / 255.0));
        }
    }

    /** Encodes gray picture number {@code index} (full range, rows {@code stride} apart), a keyframe if asked. */
    void encode(byte[] gray, int stride, long index, boolean keyframe, PacketSink out) throws IOException {
        FfmpegCalls.check(av_frame_make_writable(frame), "reuse a picture");
        fillPlanes(gray, stride);
        frame.pts(index);
        frame.pict_type(keyframe ? avutil.AV_PICTURE_TYPE_I : avutil.AV_PICTURE_TYPE_NONE);
        send(out, "encode a picture");
    }

    private void fillPlanes(byte[] gray, int stride) {
        int width = context.width();
        int height = context.height();
        if (row.length != width) {
            row = new byte[width];
        }
        BytePointer luma = frame.data(0);
        int lumaStride = frame.linesize(0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = toLimitedRange[gray[y * stride + x] & 0xff];
            }
            luma.position((long) y * lumaStride).put(row, 0, width);
        }
        luma.position(0);
        for (int plane = 1; plane <= 2; plane++) {
            BytePointer chroma = frame.data(plane);
            int chromaStride = frame.linesize(plane);
            for (int y = 0; y < (height + 1) / 2; y++) {
                chroma.position((long) y * chromaStride);
                java.util.Arrays.fill(row, (byte) NEUTRAL_CHROMA);
                chroma.put(row, 0, (width + 1) / 2);
            }
            chroma.position(0);
        }
    }

    private static AVCodec openh264() throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name("libopenh264");
        if (codec == null) {
            throw new IOException("this FFmpeg build has no libopenh264 encoder");
        }
        return codec;
    }
}
