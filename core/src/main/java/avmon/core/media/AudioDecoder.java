package avmon.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One audio stream's decoder: turns decoded audio of any sample format into interleaved floats at the
 * stream's own rate and channel count (swresample does the format change only, no resampling).
 */
final class AudioDecoder implements AutoCloseable {

    private final AVCodecContext context;
    private SwrContext converter;
    private int converterFormat = -1;
    private FloatPointer output = new FloatPointer(0L);
    private final PointerPointer<FloatPointer> outputPlanes = new PointerPointer<>(1);

    private AudioDecoder(AVCodecContext context) {
        this.context = context;
    }

    /** Opens a decoder for {@code stream}; null when FFmpeg has no decoder for its codec. */
    static AudioDecoder open(AVStream stream) {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            return null;
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(context, stream.codecpar());
        context.pkt_timebase(stream.time_base());
        context.thread_count(1);
        AVDictionary none = null;
        if (avcodec_open2(context, codec, none) < 0) {
            avcodec_free_context(context);
            return null;
        }
        return new AudioDecoder(context);
    }

    AVCodecContext context() {
        return context;
    }

    /** The samples of a decoded audio frame, interleaved, as -1..1 floats. */
    AudioBuffer toBuffer(AVFrame frame, double time) {
        int channels = frame.ch_layout().nb_channels();
        int count = frame.nb_samples();
        float[] samples = new float[count * channels];
        if (count > 0) {
            ensureConverter(frame);
            long needed = (long) count * channels;
            if (output.capacity() < needed) {
                output.close();
                output = new FloatPointer(needed);
            }
            outputPlanes.put(0, output);
            int converted = swresample.swr_convert(converter, outputPlanes, count, frame.extended_data(), count);
            output.get(samples, 0, Math.max(0, converted) * channels);
        }
        return new AudioBuffer(time, frame.sample_rate(), channels, samples);
    }

    private void ensureConverter(AVFrame frame) {
        if (converter != null && converterFormat == frame.format()) {
            return;
        }
        if (converter != null) {
            swresample.swr_free(converter);
        }
        AVChannelLayout layout = frame.ch_layout();
        // Passed as SwrContext**: JavaCPP hands FFmpeg the address of this null pointer and reads it back.
        SwrContext created = new SwrContext(null);
        swresample.swr_alloc_set_opts2(created, layout, avutil.AV_SAMPLE_FMT_FLT, frame.sample_rate(),
                layout, frame.format(), frame.sample_rate(), 0, null);
        converter = created;
        swresample.swr_init(converter);
        converterFormat = frame.format();
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        if (converter != null) {
            swresample.swr_free(converter);
            converter = null;
        }
        output.close();
        outputPlanes.close();
    }
}
