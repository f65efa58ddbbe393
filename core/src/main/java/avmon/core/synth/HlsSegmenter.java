package avmon.core.synth;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_make_writable;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
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

import avmon.core.media.FfmpegLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Cuts an MPEG-TS file into an HLS VOD stream ({@code index.m3u8} + {@code seg00000.ts} ...) with FFmpeg's hls
 * muxer, copying packets unchanged except where a {@link BitstreamDamage} damages video packets on the way.
 * Timestamps are copied, so segments are continuous; segments start on keyframes (the hls muxer cuts only
 * there), which is why the encoder puts one every second.
 */
final class HlsSegmenter {

    static final String PLAYLIST = "index.m3u8";
    static final String SEGMENT_PATTERN = "seg%05d.ts";

    private final double segmentDuration;

    HlsSegmenter(double segmentDuration) {
        this.segmentDuration = segmentDuration;
    }

    /** Writes {@code dir/index.m3u8} and its segments from {@code source}; {@code damage} may be null. */
    void segment(Path source, Path dir, BitstreamDamage damage) throws IOException {
        FfmpegLibrary.load();
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, source.toString(), (AVInputFormat) null, (AVDictionary) null), "open " + source);
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(in, (AVDictionary) null), "read " + source);
            check(avformat_alloc_output_context2(out, (AVOutputFormat) null, "hls",
                    dir.resolve(PLAYLIST).toString()), "create the hls muxer");
            int streams = in.nb_streams();
            for (int i = 0; i < streams; i++) {
                AVStream stream = avformat_new_stream(out, (AVCodec) null);
                check(avcodec_parameters_copy(stream.codecpar(), in.streams(i).codecpar()), "copy stream");
                stream.codecpar().codec_tag(0);
                stream.time_base(in.streams(i).time_base());
            }
            writeHeader(out, dir);
            copyPackets(in, out, packet, damage);
            check(av_write_trailer(out), "finish the playlist");
        } finally {
            av_packet_free(packet);
            avformat_free_context(out);
            avformat_close_input(in);
        }
    }

    private void writeHeader(AVFormatContext out, Path dir) throws IOException {
        AVDictionary options = new AVDictionary(null);
        avutil.av_dict_set(options, "hls_time", String.format(Locale.ROOT, "%.3f", segmentDuration), 0);
        avutil.av_dict_set(options, "hls_list_size", "0", 0);
        avutil.av_dict_set(options, "hls_playlist_type", "vod", 0);
        avutil.av_dict_set(options, "hls_segment_filename", dir.resolve(SEGMENT_PATTERN).toString(), 0);
        try {
            check(avformat_write_header(out, options), "start the hls muxer");
        } finally {
            avutil.av_dict_free(options);
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
