package avmon.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One video stream's decoder: turns decoded pictures into gray thumbnails and keeps the decoder's error
 * reports until the picture they belong to comes out.
 *
 * <p>Errors are keyed by the PTS of the packet being decoded when they were logged, and a picture takes the
 * errors of its own PTS, so reordering decoders (B-frames) still attribute them correctly. Errors of packets
 * that produced no picture at all go to the next picture out rather than being dropped.
 */
final class VideoDecoder implements AutoCloseable {

    /** {@code FF_DECODE_ERROR_CONCEALMENT_ACTIVE}: the decoder concealed damage in this picture. */
    private static final int CONCEALMENT_ACTIVE = 4;
    /** {@code AV_FRAME_FLAG_CORRUPT}. */
    private static final int FRAME_FLAG_CORRUPT = 1;
    /** {@code AV_FRAME_FLAG_KEY}. */
    private static final int FRAME_FLAG_KEY = 1 << 1;
    private static final long NO_PTS = avutil.AV_NOPTS_VALUE;

    private final AVCodecContext context;
    private final int width;
    private final int height;
    private final int scalingFlags;
    private final BytePointer thumbnail;
    private final PointerPointer<?> thumbnailPlanes;
    private final IntPointer thumbnailStrides;
    private final TreeMap<Long, List<String>> errorsByPts = new TreeMap<>();
    private SwsContext scaler;
    private long packetPts = NO_PTS;

    private VideoDecoder(AVCodecContext context, int width, int height, MediaOptions.Scaling scaling) {
        this.context = context;
        this.scalingFlags = scaling == MediaOptions.Scaling.AREA ? swscale.SWS_AREA : swscale.SWS_POINT;
        this.width = width;
        this.height = height;
        // Packed rows: the stride is the width, so the luma copies out in one call with no padding to skip.
        this.thumbnail = new BytePointer((long) width * height);
        this.thumbnailPlanes = new PointerPointer<>(4).put(0, thumbnail);
        this.thumbnailStrides = new IntPointer(4).put(0, width);
    }

    /** Opens a single-threaded decoder for {@code stream}; null when FFmpeg has no decoder for its codec. */
    static VideoDecoder open(AVStream stream, MediaOptions options) {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            return null;
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(context, stream.codecpar());
        context.pkt_timebase(stream.time_base());
        // One thread: frame threading would log a picture's errors while another picture is handed out.
        context.thread_count(1);
        if (options.keyframesOnly()) {
            context.skip_frame(avcodec.AVDISCARD_NONKEY);
        }
        AVDictionary none = null;
        if (avcodec_open2(context, codec, none) < 0) {
            avcodec_free_context(context);
            return null;
        }
        return new VideoDecoder(context, options.thumbnailWidth(), options.thumbnailHeight(),
                options.scaling());
    }

    AVCodecContext context() {
        return context;
    }

    /** Called before a packet goes in: errors logged from now on belong to the picture with this PTS. */
    void decoding(long pts) {
        packetPts = pts;
    }

    /** The decoder logged an error while decoding the current packet. */
    void error(String message) {
        errorsByPts.computeIfAbsent(packetPts, k -> new ArrayList<>(2)).add(message);
    }

    /** The thumbnail of a decoded picture and the errors that belong to it. */
    AnalysisFrame toFrame(AVFrame picture, long index, double time) {
        scaler = swscale.sws_getCachedContext(scaler, picture.width(), picture.height(), picture.format(),
                width, height, avutil.AV_PIX_FMT_GRAY8, scalingFlags, null, null, (DoublePointer) null);
        swscale.sws_scale(scaler, picture.data(), picture.linesize(), 0, picture.height(),
                thumbnailPlanes, thumbnailStrides);
        byte[] luma = new byte[width * height];
        thumbnail.get(luma);
        return new AnalysisFrame(index, time, width, height, luma, errorsOf(picture), isKeyframe(picture));
    }

    /**
     * Keyframes as the decoder flags them (IDR pictures, H.264 recovery points, I-VOPs, VP8 key frames), and any
     * other intra picture: one coded without reference to earlier pictures shows nothing of their damage.
     */
    private static boolean isKeyframe(AVFrame picture) {
        return (picture.flags() & FRAME_FLAG_KEY) != 0 || picture.pict_type() == avutil.AV_PICTURE_TYPE_I;
    }

    private List<String> errorsOf(AVFrame picture) {
        List<String> errors = new ArrayList<>();
        long pts = picture.pts();
        Map<Long, List<String>> due = pts == NO_PTS ? errorsByPts : errorsByPts.headMap(pts, true);
        due.values().forEach(errors::addAll);
        due.clear();
        if (errors.isEmpty() && (picture.decode_error_flags() & CONCEALMENT_ACTIVE) != 0) {
            errors.add("concealment active (decode_error_flags)");
        } else if (errors.isEmpty() && (picture.flags() & FRAME_FLAG_CORRUPT) != 0) {
            errors.add("picture flagged corrupt by the decoder");
        }
        return errors;
    }

    /** Errors still waiting for a picture when the input ends. */
    List<String> leftoverErrors() {
        List<String> errors = new ArrayList<>();
        errorsByPts.values().forEach(errors::addAll);
        errorsByPts.clear();
        return errors;
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        if (scaler != null) {
            swscale.sws_freeContext(scaler);
            scaler = null;
        }
        thumbnail.close();
        thumbnailPlanes.close();
        thumbnailStrides.close();
    }
}
