package avmon.core.synth;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * What the audio and video encoders share: an FFmpeg encoder context, a reusable frame and packet, and the
 * send/drain/flush cycle that hands encoded packets to a {@link PacketSink}.
 */
abstract class PacketEncoder implements AutoCloseable {

    protected final AVCodecContext context;
    protected final AVFrame frame = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();

    protected PacketEncoder(AVCodec codec) {
        this.context = avcodec_alloc_context3(codec);
    }

    AVCodecContext context() {
        return context;
    }

    /** Encodes the frame as it is filled now and passes on whatever packets the encoder has ready. */
    protected void send(PacketSink out, String what) throws IOException {
        FfmpegCalls.check(avcodec_send_frame(context, frame), what);
        drain(out);
    }

    /** Sends the last packets out of the encoder. */
    void finish(PacketSink out) throws IOException {
        avcodec_send_frame(context, null);
        drain(out);
    }

    private void drain(PacketSink out) throws IOException {
        while (avcodec_receive_packet(context, packet) >= 0) {
            try {
                out.accept(packet);
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        avcodec_free_context(context);
    }
}
