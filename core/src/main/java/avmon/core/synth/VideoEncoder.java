package avmon.core.synth;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.io.IOException;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Encodes gray pictures as a {@link VideoEncoding} says: limited-range YUV 4:2:0 with neutral chroma to the
 * encoder, keyframes where the caller asks (segments must start on one). One thread and no decision that
 * depends on time, so the same pictures give the same bits on any machine.
 */
final class VideoEncoder extends PacketEncoder {

    private static final int NEUTRAL_CHROMA = 128;
    /** FFmpeg's {@code FF_QP2LAMBDA}: a quantizer in the units of a frame's {@code quality}. */
    private static final int QP_TO_LAMBDA = 118;
    /** libvpx's speed in its "good" quality mode (0 slowest .. 5): fast enough, and unlike realtime not timed. */
    private static final String VP8_SPEED = "4";

    private final VideoEncoding encoding;
    private final byte[] toLimitedRange = new byte[256];
    private byte[] row = new byte[0];

    VideoEncoder(int width, int height, int frameRate, VideoEncoding encoding) throws IOException {
        super(find(encoding.codec()));
        this.encoding = encoding;
        context.width(width);
        context.height(height);
        context.pix_fmt(avutil.AV_PIX_FMT_YUV420P);
        context.time_base(new AVRational().num(1).den(frameRate));
        context.framerate(new AVRational().num(frameRate).den(1));
        context.max_b_frames(encoding.bFrames());
        // One thread: openh264 slices pictures per thread, and libvpx splits its work the same way, so the
        // output (and the seed's promise of identical streams) would otherwise depend on the machine.
        context.thread_count(1);
        AVDictionary options = new AVDictionary(null);
        try {
            configure(encoding.keyframeInterval(frameRate), options);
            FfmpegCalls.check(avcodec_open2(context, context.codec(), options),
                    "open the " + encoding.codec().encoder() + " encoder with " + encoding.describe());
        } finally {
            avutil.av_dict_free(options);
        }
        frame.format(avutil.AV_PIX_FMT_YUV420P).width(width).height(height);
        FfmpegCalls.check(av_frame_get_buffer(frame, 0), "allocate a picture");
        for (int v = 0; v < 256; v++) {
            toLimitedRange[v] = (byte) (16 + Math.round(v * 219 / 255.0));
        }
    }

    private void configure(int keyframeInterval, AVDictionary options) {
        switch (encoding.codec()) {
            case H264 -> configureOpenH264(keyframeInterval, options);
            case MPEG4, MPEG2 -> configureMpegVideo(keyframeInterval);
            case VP8 -> configureVp8(keyframeInterval, options);
        }
    }

    private void configureOpenH264(int keyframeInterval, AVDictionary options) {
        // Keyframes are forced by the caller; the intra period only has to stay out of their way. openh264
        // still adds a keyframe of its own where the picture has changed a lot (its scene change detection,
        // which FFmpeg does not let us turn off): with this content, about 0.7 s after each forced one.
        context.gop_size(10 * keyframeInterval);
        if (encoding.rateControlled()) {
            context.bit_rate(encoding.bitRate());
            avutil.av_dict_set(options, "rc_mode", "bitrate", 0);
        } else {
            // Constant quantizer, no rate control: the same picture then always encodes to the same bits, so a
            // frozen picture stays identical across the keyframes that start each segment.
            context.qmin(encoding.quantizer());
            context.qmax(encoding.quantizer());
            avutil.av_dict_set(options, "rc_mode", "off", 0);
        }
        // Rate control must not drop pictures: every picture of the plan is in the stream.
        avutil.av_dict_set(options, "allow_skip_frames", "0", 0);
    }

    private void configureMpegVideo(int keyframeInterval) {
        context.gop_size(keyframeInterval);
        if (encoding.rateControlled()) {
            // An average bit rate, no buffer model: FFmpeg wants a buffer size and a peak rate together or neither.
            context.bit_rate(encoding.bitRate());
        } else {
            context.flags(context.flags() | avcodec.AV_CODEC_FLAG_QSCALE);
            context.global_quality(encoding.quantizer() * QP_TO_LAMBDA);
        }
    }

    private void configureVp8(int keyframeInterval, AVDictionary options) {
        context.gop_size(keyframeInterval);
        if (encoding.rateControlled()) {
            context.bit_rate(encoding.bitRate());
        } else {
            // libvpx's constant quality at the quantizer, held there by the bounds.
            context.qmin(encoding.quantizer());
            context.qmax(encoding.quantizer());
            avutil.av_dict_set(options, "crf", Integer.toString(encoding.quantizer()), 0);
        }
        // "good" rather than "realtime": realtime picks its speed from how long pictures took to encode.
        avutil.av_dict_set(options, "deadline", "good", 0);
        avutil.av_dict_set(options, "cpu-used", VP8_SPEED, 0);
        // No look-ahead and no hidden alternate reference pictures: one packet per shown picture.
        avutil.av_dict_set(options, "lag-in-frames", "0", 0);
        avutil.av_dict_set(options, "auto-alt-ref", "0", 0);
    }

    /** Encodes gray picture number {@code index} (full range, rows {@code stride} apart), a keyframe if asked. */
    void encode(byte[] gray, int stride, long index, boolean keyframe, PacketSink out) throws IOException {
        FfmpegCalls.check(av_frame_make_writable(frame), "reuse a picture");
        fillPlanes(gray, stride);
        frame.pts(index);
        frame.pict_type(keyframe ? avutil.AV_PICTURE_TYPE_I : avutil.AV_PICTURE_TYPE_NONE);
        if (!encoding.rateControlled()) {
            // FFmpeg's MPEG encoders take a constant quantizer from each picture (others ignore it).
            frame.quality(context.global_quality());
        }
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
                Arrays.fill(row, (byte) NEUTRAL_CHROMA);
                chroma.put(row, 0, (width + 1) / 2);
            }
            chroma.position(0);
        }
    }

    private static AVCodec find(VideoCodec codec) throws IOException {
        AVCodec found = avcodec_find_encoder_by_name(codec.encoder());
        if (found == null) {
            throw new IOException("this FFmpeg build has no " + codec.encoder() + " encoder");
        }
        return found;
    }
}
