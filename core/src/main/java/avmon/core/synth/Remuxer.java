package avmon.core.synth;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_make_writable;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import avmon.core.media.FfmpegLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Copies an encoded file's packets unchanged into another container with one of FFmpeg's muxers (the hls muxer
 * to cut HLS segments, the Matroska muxer for one file), except where a {@link BitstreamDamage} damages video
 * packets on the way. Timestamps are copied, so the pictures keep their times.
 */
final class Remuxer {

    /**
     * Writes {@code target} in {@code container} (FFmpeg's muxer name) from {@code source}, passing
     * {@code options} to the muxer; {@code damage} may be null.
     */
    void copy(Path source, String container, Path target, Map<String, String> options, BitstreamDamage damage)
            throws IOException {
        FfmpegLibrary.load();
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, source.toString(), (AVInputFormat) null, (AVDictionary) null), "open " + source);
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(in, (AVDictionary) null), "read " + source);
            check(avformat_alloc_output_context2(out, (AVOutputFormat) null, container, target.toString()),
                    "create the " + container + " muxer");
            int streams = in.nb_streams();
            for (int i = 0; i < streams; i++) {
                AVStream stream = avformat_new_stream(out, (AVCodec) null);
                check(avcodec_parameters_copy(stream.codecpar(), in.streams(i).codecpar()), "copy stream");
                stream.codecpar().codec_tag(0);
                stream.time_base(in.streams(i).time_base());
            }
            writeHeader(out, target, options);
            copyPackets(in, out, packet, damage);
            check(av_write_trailer(out), "finish " + target);
        } finally {
            av_packet_free(packet);
            if (out.pb() != null && (out.oformat().flags() & AVFMT_NOFILE) == 0) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
            avformat_close_input(in);
        }
    }

    private static void writeHeader(AVFormatContext out, Path target, Map<String, String> options) throws IOException {
        if ((out.oformat().flags() & AVFMT_NOFILE) == 0) {
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "open " + target);
            out.pb(io);
        }
        AVDictionary dictionary = new AVDictionary(null);
        options.forEach((key, value) -> avutil.av_dict_set(dictionary, key, value, 0));
        try {
            check(avformat_write_header(out, dictionary), "start the muxer of " + target);
        } finally {
            avutil.av_dict_free(dictionary);
        }
    }

    private static void copyPackets(AVFormatContext in, AVFormatContext out, AVPacket packet, BitstreamDamage damage)
            throws IOException {
        while (av_read_frame(in, packet) >= 0) {
            try {
                AVStream from = in.streams(packet.stream_index());
                if (damage != null && from.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    check(av_packet_make_writable(packet), "copy a packet");
                    damage.apply(packet, from);
                }
                av_packet_rescale_ts(packet, from.time_base(), out.streams(packet.stream_index()).time_base());
                packet.pos(-1);
                check(av_interleaved_write_frame(out, packet), "write a packet");
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private static void check(int ret, String what) throws IOException {
        FfmpegCalls.check(ret, what);
    }
}
