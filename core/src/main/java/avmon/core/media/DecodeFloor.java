package avmon.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Decodes an input and does nothing else: the same demuxer and the same single-threaded decoders as
 * {@link FfmpegMediaStream}, but no thumbnails, no audio conversion, no copies into Java. It is the floor
 * that analysis cost is measured against, in the same process and run.
 */
public final class DecodeFloor {

    /**
     * What one pass decoded.
     *
     * @param pictures pictures decoded
     * @param samples  audio samples per channel decoded (0 when audio was not asked for)
     */
    public record Result(long pictures, long samples) {
    }

    private DecodeFloor() {
    }

    /** Decodes all of {@code source}'s video, and its audio when {@code withAudio}. */
    public static Result decode(String source, boolean withAudio) throws MediaException {
        FfmpegLibrary.load();
        AVFormatContext format = new AVFormatContext(null);
        int ret = avformat_open_input(format, source, (AVInputFormat) null, (AVDictionary) null);
        if (ret < 0) {
            throw new MediaException(FfmpegErrors.reasonForOpen(ret), source,
                    source + ": cannot be opened: " + FfmpegErrors.describe(ret));
        }
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        VideoDecoder video = null;
        AudioDecoder audio = null;
        try {
            avformat_find_stream_info(format, (AVDictionary) null);
            int videoIndex = av_find_best_stream(format, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            int audioIndex = withAudio
                    ? av_find_best_stream(format, avutil.AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0) : -1;
            video = videoIndex >= 0 ? VideoDecoder.open(format.streams(videoIndex), MediaOptions.defaults()) : null;
            audio = audioIndex >= 0 ? AudioDecoder.open(format.streams(audioIndex)) : null;
            long[] counts = new long[2];
            while (av_read_frame(format, packet) >= 0) {
                try {
                    if (video != null && packet.stream_index() == videoIndex) {
                        counts[0] += drain(video.context(), packet, frame, false);
                    } else if (audio != null && packet.stream_index() == audioIndex) {
                        counts[1] += drain(audio.context(), packet, frame, true);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (video != null) {
                counts[0] += drain(video.context(), null, frame, false);
            }
            if (audio != null) {
                counts[1] += drain(audio.context(), null, frame, true);
            }
            return new Result(counts[0], counts[1]);
        } finally {
            if (video != null) {
                video.close();
            }
            if (audio != null) {
                audio.close();
            }
            av_frame_free(frame);
            av_packet_free(packet);
            avformat_close_input(format);
        }
    }

    /** Sends one packet (null: flush) and counts what comes out: pictures, or samples when {@code audio}. */
    private static long drain(AVCodecContext context, AVPacket packet, AVFrame frame, boolean audio) {
        avcodec_send_packet(context, packet);
        long count = 0;
        while (avcodec_receive_frame(context, frame) >= 0) {
            count += audio ? frame.nb_samples() : 1;
        }
        return count;
    }
}
