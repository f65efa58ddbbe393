package avmon.core.synth;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** Writes encoded packets into one file of a container format (MPEG-TS, Matroska). */
final class FileMuxer implements AutoCloseable {

    private final Path file;
    private final AVFormatContext format = new AVFormatContext(null);
    private boolean started;

    /** @param container FFmpeg's name of the container format ("mpegts", "matroska") */
    FileMuxer(Path file, String container) throws IOException {
        this.file = file;
        FfmpegCalls.check(avformat_alloc_output_context2(format, (AVOutputFormat) null, container, file.toString()),
                "create a " + container + " muxer for " + file);
        if (!container.equals("mpegts")) {
            // Matroska writes a random segment id and the muxer's version unless told to be exact.
            FfmpegCalls.check(av_opt_set(format, "fflags", "+bitexact", 0), "make the " + container + " muxer exact");
        }
    }

    /** Adds a stream for {@code encoder}'s packets; returns its index. */
    int addStream(AVCodecContext encoder) throws IOException {
        AVStream stream = avformat_new_stream(format, (AVCodec) null);
        FfmpegCalls.check(avcodec_parameters_from_context(stream.codecpar(), encoder), "describe a stream");
        stream.time_base(encoder.time_base());
        return stream.index();
    }

    /** Opens the file and writes the header; call once every stream is added. */
    void start() throws IOException {
        AVIOContext io = new AVIOContext(null);
        FfmpegCalls.check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "open " + file);
        format.pb(io);
        FfmpegCalls.check(avformat_write_header(format, (AVDictionary) null), "write the header of " + file);
        started = true;
    }

    /** Writes a packet whose timestamps are in {@code encoder}'s time base. */
    void write(AVPacket packet, AVCodecContext encoder, int streamIndex) throws IOException {
        packet.stream_index(streamIndex);
        av_packet_rescale_ts(packet, encoder.time_base(), format.streams(streamIndex).time_base());
        FfmpegCalls.check(av_interleaved_write_frame(format, packet), "write a packet to " + file);
    }

    /** Flushes the interleaving queue and writes the trailer. */
    void finish() throws IOException {
        FfmpegCalls.check(av_write_trailer(format), "finish " + file);
    }

    @Override
    public void close() {
        if (started) {
            avio_closep(format.pb());
        }
        avformat_free_context(format);
    }
}
