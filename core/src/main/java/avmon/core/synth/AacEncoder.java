package avmon.core.synth;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.FloatPointer;

/** AAC-LC through FFmpeg's native encoder: the same mono signal on every channel, one encoder frame at a time. */
final class AacEncoder extends PacketEncoder {

    private final int channels;

    AacEncoder(int sampleRate, int channels, long bitRate) throws IOException {
        super(avcodec_find_encoder(avcodec.AV_CODEC_ID_AAC));
        this.channels = channels;
        context.sample_fmt(avutil.AV_SAMPLE_FMT_FLTP);
        context.sample_rate(sampleRate);
        avutil.av_channel_layout_default(context.ch_layout(), channels);
        context.bit_rate(bitRate);
        context.time_base(new AVRational().num(1).den(sampleRate));
        FfmpegCalls.check(avcodec_open2(context, context.codec(), (AVDictionary) null), "open the AAC encoder");
        frame.format(avutil.AV_SAMPLE_FMT_FLTP).sample_rate(sampleRate).nb_samples(context.frame_size());
        avutil.av_channel_layout_default(frame.ch_layout(), channels);
        FfmpegCalls.check(av_frame_get_buffer(frame, 0), "allocate an audio frame");
    }

    /** Samples per encoder frame (1024 for AAC). */
    int frameSize() {
        return context.frame_size();
    }

    /** Samples of priming the encoder puts before the first real sample. */
    int priming() {
        return context.initial_padding();
    }

    /** Encodes {@code count} mono samples starting at sample number {@code first} (the last frame may be short). */
    void encode(float[] mono, int count, long first, PacketSink out) throws IOException {
        FfmpegCalls.check(av_frame_make_writable(frame), "reuse an audio frame");
        frame.nb_samples(count);
        for (int c = 0; c < channels; c++) {
            new FloatPointer(frame.data(c)).put(mono, 0, count);
        }
        frame.pts(first);
        send(out, "encode audio");
    }
}
