package avmon.core.independent;

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
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Damages a clip the way a lossy link does, whatever its codec: the clip is copied packet by packet into the same
 * container, and in every video packet whose picture time falls in a damage range a few bytes past the start are
 * overwritten. The first bytes (picture and slice headers, VP8's frame tag) are left alone so the decoder still
 * finds the picture and has to conceal what follows; new values are never below 0x10 so no start code forms.
 * The seed and the packet's timestamp decide which bytes.
 */
final class PacketDamage {

    /** Bytes overwritten per damaged packet. */
    static final int BYTES_PER_PACKET = 6;
    /** Leading bytes of each packet left intact. */
    static final int HEADER_BYTES = 24;

    private final long seed;

    PacketDamage(long seed) {
        this.seed = seed;
    }

    /**
     * Copies {@code clean} to {@code damaged} (same container), damaging video packets in {@code ranges}.
     *
     * @return the number of packets damaged
     */
    int copy(Path clean, Path damaged, String format, List<ClipRecipe.DamageRange> ranges) throws IOException {
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, clean.toString(), (AVInputFormat) null, (AVDictionary) null), "open " + clean);
        AVFormatContext out = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(in, (AVDictionary) null), "read " + clean);
            check(avformat_alloc_output_context2(out, (AVOutputFormat) null, format, damaged.toString()),
                    "create " + damaged);
            for (int i = 0; i < in.nb_streams(); i++) {
                AVStream stream = avformat_new_stream(out, (AVCodec) null);
                check(avcodec_parameters_copy(stream.codecpar(), in.streams(i).codecpar()), "copy stream " + i);
                stream.codecpar().codec_tag(0);
                stream.time_base(in.streams(i).time_base());
            }
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, damaged.toString(), avformat.AVIO_FLAG_WRITE), "open " + damaged);
            out.pb(io);
            check(avformat_write_header(out, (AVDictionary) null), "start " + damaged);
            int count = copyPackets(in, out, packet, ranges);
            check(av_write_trailer(out), "finish " + damaged);
            avio_closep(out.pb());
            return count;
        } finally {
            av_packet_free(packet);
            avformat_free_context(out);
            avformat_close_input(in);
        }
    }

    private int copyPackets(AVFormatContext in, AVFormatContext out, AVPacket packet, List<ClipRecipe.DamageRange> ranges)
            throws IOException {
        int damagedPackets = 0;
        while (av_read_frame(in, packet) >= 0) {
            try {
                AVStream stream = in.streams(packet.stream_index());
                boolean video = stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO;
                if (video && inRange(packet, stream, ranges)) {
                    check(av_packet_make_writable(packet), "copy a packet");
                    if (damage(packet)) {
                        damagedPackets++;
                    }
                }
                av_packet_rescale_ts(packet, stream.time_base(), out.streams(packet.stream_index()).time_base());
                check(av_interleaved_write_frame(out, packet), "write a packet");
            } finally {
                av_packet_unref(packet);
            }
        }
        return damagedPackets;
    }

    private static boolean inRange(AVPacket packet, AVStream stream, List<ClipRecipe.DamageRange> ranges) {
        long start = stream.start_time() == avutil.AV_NOPTS_VALUE ? 0 : stream.start_time();
        long pts = packet.pts() == avutil.AV_NOPTS_VALUE ? packet.dts() : packet.pts();
        double time = (pts - start) * avutil.av_q2d(stream.time_base());
        return ranges.stream().anyMatch(r -> r.covers(time));
    }

    private boolean damage(AVPacket packet) {
        int size = packet.size();
        if (size <= HEADER_BYTES + BYTES_PER_PACKET * 2) {
            return false;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + packet.pts());
        BytePointer data = packet.data();
        for (int i = 0; i < BYTES_PER_PACKET; i++) {
            data.put(random.nextInt(HEADER_BYTES, size), (byte) random.nextInt(0x10, 0x100));
        }
        return true;
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            byte[] message = new byte[256];
            avutil.av_strerror(ret, message, message.length);
            throw new IOException("cannot " + what + ": " + new String(message, java.nio.charset.StandardCharsets.UTF_8)
                    .trim().replace("\0", "") + " (" + ret + ")");
        }
    }
}
