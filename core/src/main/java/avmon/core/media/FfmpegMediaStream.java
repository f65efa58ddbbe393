package avmon.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediaStream} decoded by FFmpeg: any input FFmpeg opens (a local file, an HTTP(S) URL, an HLS
 * playlist, a single MPEG-TS segment).
 *
 * <p>Pictures come out as gray thumbnails scaled by swscale while converting to GRAY8 (point-sampled unless
 * {@link MediaOptions#scaling()} says otherwise), audio as interleaved floats; both in stream time, seconds
 * from the stream's origin: the first picture's timestamp (the input's start when it has no video), or the
 * origin given in {@link MediaOptions#streamOrigin()}. A picture's index
 * follows from its time and the frame rate, so a segment read alone numbers its pictures like the stream.
 * Samples are decoded on demand, a packet at a time, so memory stays flat whatever the input's length.
 *
 * <p>The video decoder runs single-threaded and FFmpeg's log is captured around each call on the calling
 * thread ({@link DecoderLog}), so "error while decoding MB", "concealing ..." and the like land on the
 * {@link AnalysisFrame} they belong to.
 *
 * <p>Failures: an input that cannot be opened gives {@link MediaException.Reason#NOT_FOUND} or
 * {@link MediaException.Reason#NOT_MEDIA}; one without decodable audio or video gives
 * {@link MediaException.Reason#NO_USABLE_STREAM}. A read that fails part way, or a segment of a playlist that
 * cannot be opened, first hands out everything decoded up to that point, then throws
 * {@link MediaException.Reason#READ_FAILED}. So does an input cut short (a truncated segment): its last
 * picture does not decode whole, so after the pictures that did decode (the damaged last one with its
 * decoder errors) comes a READ_FAILED that says where it ends.
 *
 * <p>Not thread-safe: one thread pulls from a stream at a time. Always {@link #close()} it.
 */
public final class FfmpegMediaStream implements MediaStream {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegMediaStream.class);
    /** Demuxer reports that mean part of the input was lost (HLS skips a segment it cannot open). */
    private static final String SEGMENT_LOST = "Failed to open segment";
    /** The error concealment's summary of a damaged picture, which FFmpeg logs at info level. */
    private static final String CONCEALING = "concealing ";

    private final String source;
    private final AVFormatContext format;
    private final StreamInfo info;
    private final double origin;
    private final int videoIndex;
    private final int audioIndex;
    private final VideoDecoder video;
    private final AudioDecoder audio;
    private final AVRational videoTimeBase;
    private final AVRational audioTimeBase;
    private final double frameDuration;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame decoded = av_frame_alloc();
    private final ArrayDeque<MediaSample> ready = new ArrayDeque<>();
    private final List<String> inputErrors = new ArrayList<>();
    private final DecoderLog.Sink sink = this::onLog;
    /** Held so that its native flag lives as long as the format context that points at it. */
    private Interruption interruption;
    private MediaException failure;
    /** The demuxer's report of a segment it skipped, if any. */
    private String segmentLost;
    private boolean inputEnded;
    private boolean closed;
    private long frameIndex;
    private double lastFrameTime = Double.NaN;
    private List<String> lastFrameErrors = List.of();
    /** Whether the picture before the last one decoded without errors. */
    private boolean previousFrameClean = true;
    private double nextAudioTime = Double.NaN;
    private double endTime;

    private FfmpegMediaStream(String source, AVFormatContext format, int videoIndex, VideoDecoder video,
                              int audioIndex, AudioDecoder audio, MediaOptions options) {
        this.source = source;
        this.format = format;
        this.videoIndex = video == null ? -1 : videoIndex;
        this.audioIndex = audio == null ? -1 : audioIndex;
        this.video = video;
        this.audio = audio;
        this.videoTimeBase = video == null ? null : format.streams(videoIndex).time_base();
        this.audioTimeBase = audio == null ? null : format.streams(audioIndex).time_base();
        this.info = describe(source, format, videoIndex, audioIndex);
        this.frameDuration = info.frameRate() > 0 ? 1.0 / info.frameRate() : 0;
        this.origin = options.streamOrigin() != null ? options.streamOrigin() : firstTimestamp(format, video, videoIndex);
    }

    /**
     * Where stream time starts: the first picture when there is video (the AAC encoder's priming samples
     * usually start a little earlier and get small negative times), otherwise the input's start.
     */
    private static double firstTimestamp(AVFormatContext format, VideoDecoder video, int videoIndex) {
        if (video != null) {
            AVStream stream = format.streams(videoIndex);
            if (stream.start_time() != avutil.AV_NOPTS_VALUE) {
                return stream.start_time() * avutil.av_q2d(stream.time_base());
            }
        }
        long start = format.start_time();
        return start == avutil.AV_NOPTS_VALUE ? 0 : start / (double) avutil.AV_TIME_BASE;
    }

    /**
     * Opens {@code source} (a path or URL) and its decoders.
     *
     * @throws MediaException NOT_FOUND, NOT_MEDIA, NO_USABLE_STREAM or READ_FAILED when it cannot be used
     */
    public static FfmpegMediaStream open(String source, MediaOptions options) throws MediaException {
        return open(source, options, null);
    }

    /**
     * Opens {@code source} like {@link #open(String, MediaOptions)}, with a way for another thread to make a
     * blocked open or read give up ({@code null}: none). An interrupted stream fails with READ_FAILED.
     *
     * @throws MediaException NOT_FOUND, NOT_MEDIA, NO_USABLE_STREAM or READ_FAILED when it cannot be used
     */
    public static FfmpegMediaStream open(String source, MediaOptions options, Interruption interruption)
            throws MediaException {
        FfmpegLibrary.load();
        List<String> openLog = new ArrayList<>();
        try (DecoderLog.Scope scope = DecoderLog.capture(DecoderLog.collecting(avutil.AV_LOG_ERROR, openLog::add))) {
            AVFormatContext format = openInput(source, openLog, interruption);
            try {
                FfmpegMediaStream stream = openDecoders(source, format, options);
                stream.interruption = interruption;
                return stream;
            } catch (MediaException | RuntimeException e) {
                avformat_close_input(format);
                throw e;
            }
        }
    }

    private static AVFormatContext openInput(String source, List<String> openLog, Interruption interruption)
            throws MediaException {
        AVFormatContext format;
        if (interruption == null) {
            format = new AVFormatContext(null);
        } else {
            // The callback must be in place before the open: opening a URL can block too.
            format = avformat_alloc_context();
            interruption.install(format.interrupt_callback());
        }
        AVInputFormat anyFormat = null;
        AVDictionary noOptions = null;
        int ret = avformat_open_input(format, source, anyFormat, noOptions);
        if (ret < 0) {
            MediaException.Reason reason = FfmpegErrors.reasonForOpen(ret);
            throw new MediaException(reason, source, source + ": " + openFailure(reason, ret, openLog));
        }
        if (isTextRenderer(format)) {
            avformat_close_input(format);
            throw new MediaException(MediaException.Reason.NOT_MEDIA, source,
                    source + ": not audio or video (FFmpeg would only render it as text)");
        }
        AVDictionary noStreamOptions = null;
        ret = avformat_find_stream_info(format, noStreamOptions);
        if (ret < 0) {
            avformat_close_input(format);
            throw new MediaException(MediaException.Reason.NOT_MEDIA, source,
                    source + ": no readable streams (" + FfmpegErrors.describe(ret) + ")");
        }
        return format;
    }

    private static String openFailure(MediaException.Reason reason, int ret, List<String> openLog) {
        String detail = FfmpegErrors.describe(ret);
        String first = openLog.isEmpty() ? "" : " (" + openLog.get(0) + ")";
        return switch (reason) {
            case NOT_FOUND -> "not found: " + detail;
            case NOT_MEDIA -> "not audio or video FFmpeg can read: " + detail + first;
            default -> "cannot be read: " + detail + first;
        };
    }

    /** FFmpeg's "tty" demuxer turns any text file into video of its characters; that is not media. */
    private static boolean isTextRenderer(AVFormatContext format) {
        return "tty".equals(format.iformat().name().getString());
    }

    private static FfmpegMediaStream openDecoders(String source, AVFormatContext format, MediaOptions options)
            throws MediaException {
        AVCodec anyDecoder = null;
        int videoIndex = av_find_best_stream(format, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, anyDecoder, 0);
        int audioIndex = av_find_best_stream(format, avutil.AVMEDIA_TYPE_AUDIO, -1, -1, anyDecoder, 0);
        VideoDecoder video = videoIndex >= 0 ? VideoDecoder.open(format.streams(videoIndex), options) : null;
        AudioDecoder audio = audioIndex >= 0 ? AudioDecoder.open(format.streams(audioIndex)) : null;
        if (video == null && audio == null) {
            throw new MediaException(MediaException.Reason.NO_USABLE_STREAM, source,
                    source + ": no video or audio stream that can be decoded");
        }
        if (!options.analyseAudio() && audio != null) {
            // The input has audio (StreamInfo says so); this caller just does not want it decoded.
            audio.close();
            audio = null;
        }
        try {
            return new FfmpegMediaStream(source, format, videoIndex, video, audioIndex, audio, options);
        } catch (RuntimeException e) {
            if (video != null) {
                video.close();
            }
            if (audio != null) {
                audio.close();
            }
            throw e;
        }
    }

    private static StreamInfo describe(String source, AVFormatContext format, int videoIndex, int audioIndex) {
        boolean hasVideo = videoIndex >= 0;
        boolean hasAudio = audioIndex >= 0;
        int width = 0;
        int height = 0;
        double frameRate = 0;
        String videoCodec = "";
        if (hasVideo) {
            AVStream stream = format.streams(videoIndex);
            width = stream.codecpar().width();
            height = stream.codecpar().height();
            AVRational rate = stream.avg_frame_rate().num() > 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
            frameRate = rate.den() > 0 ? avutil.av_q2d(rate) : 0;
            videoCodec = avcodec.avcodec_get_name(stream.codecpar().codec_id()).getString();
        }
        int sampleRate = 0;
        int channels = 0;
        String audioCodec = "";
        if (hasAudio) {
            AVStream stream = format.streams(audioIndex);
            sampleRate = stream.codecpar().sample_rate();
            channels = stream.codecpar().ch_layout().nb_channels();
            audioCodec = avcodec.avcodec_get_name(stream.codecpar().codec_id()).getString();
        }
        return new StreamInfo(source, hasVideo, hasAudio, width, height, frameRate, sampleRate, channels,
                videoCodec, audioCodec);
    }

    @Override
    public StreamInfo info() {
        return info;
    }

    /** The origin of stream time in seconds of the input's own timestamps; pass it to read a later segment. */
    public double origin() {
        return origin;
    }

    /** Errors the demuxer or the audio decoder reported so far (the video decoder's are on the frames). */
    public List<String> inputErrors() {
        return List.copyOf(inputErrors);
    }

    @Override
    public MediaSample next() throws MediaException {
        if (closed) {
            throw new IllegalStateException("stream is closed: " + source);
        }
        try (DecoderLog.Scope scope = DecoderLog.capture(sink)) {
            while (ready.isEmpty() && !inputEnded && failure == null) {
                readPacket();
            }
        }
        MediaSample sample = ready.poll();
        if (sample == null && failure != null) {
            throw failure;
        }
        if (sample != null) {
            endTime = Math.max(endTime, sample.time() + durationOf(sample));
        }
        return sample;
    }

    private double durationOf(MediaSample sample) {
        return sample instanceof AudioBuffer buffer ? buffer.duration() : frameDuration;
    }

    @Override
    public double endTime() {
        return endTime;
    }

    private void readPacket() {
        int ret = av_read_frame(format, packet);
        if (ret < 0) {
            endOfInput(ret);
            return;
        }
        try {
            if (packet.stream_index() == videoIndex) {
                video.decoding(packet.pts());
                if ((packet.flags() & avcodec.AV_PKT_FLAG_CORRUPT) != 0) {
                    video.error("packet flagged corrupt by the demuxer");
                }
                decode(video.context(), packet);
            } else if (packet.stream_index() == audioIndex) {
                decode(audio.context(), packet);
            }
        } finally {
            av_packet_unref(packet);
        }
        if (failure == null && segmentLost != null) {
            failure = new MediaException(MediaException.Reason.READ_FAILED, source,
                    source + ": part of the input is missing: " + segmentLost);
        }
    }

    private void endOfInput(int ret) {
        inputEnded = true;
        if (video != null) {
            video.decoding(avutil.AV_NOPTS_VALUE);
            decode(video.context(), null);
        }
        if (audio != null) {
            decode(audio.context(), null);
        }
        if (ret != avutil.AVERROR_EOF) {
            failure = new MediaException(MediaException.Reason.READ_FAILED, source,
                    source + ": reading stopped at " + seconds(lastFrameTime) + ": " + FfmpegErrors.describe(ret));
        } else if (endsInsidePicture()) {
            failure = new MediaException(MediaException.Reason.READ_FAILED, source,
                    source + ": input ends inside the picture at " + seconds(lastFrameTime)
                            + " (truncated?): " + String.join("; ", lastFrameErrors));
        }
    }

    /**
     * A complete input's last picture decodes whole; one cut short leaves the decoder complaining about
     * the very last picture, or about a packet that never became one. A damaged last picture that follows
     * damaged ones is block corruption running over the end of a segment, not a cut: the segment is whole.
     */
    private boolean endsInsidePicture() {
        if (video == null) {
            return false;
        }
        List<String> leftover = video.leftoverErrors();
        if (!leftover.isEmpty()) {
            lastFrameErrors = leftover;
            return true;
        }
        return !lastFrameErrors.isEmpty() && previousFrameClean;
    }

    private static String seconds(double t) {
        return String.format(java.util.Locale.ROOT, "%.3f s", Double.isNaN(t) ? 0 : t);
    }

    /** Sends a packet (null: flush) and queues every frame the decoder hands back. */
    private void decode(AVCodecContext context, AVPacket input) {
        int sent = avcodec_send_packet(context, input);
        if (sent < 0 && sent != avutil.AVERROR_EOF) {
            // The decoder rejected the packet outright; its log explains why. Keep going: the next
            // keyframe decodes again, as a player would.
            LOG.debug("{}: packet rejected by the decoder: {}", source, FfmpegErrors.describe(sent));
        }
        while (avcodec_receive_frame(context, decoded) >= 0) {
            try {
                ready.add(video != null && context.equals(video.context()) ? pictureOut() : audioOut());
            } finally {
                av_frame_unref(decoded);
            }
        }
    }

    private AnalysisFrame pictureOut() {
        long pts = decoded.best_effort_timestamp();
        double time = pts == avutil.AV_NOPTS_VALUE
                ? (Double.isNaN(lastFrameTime) ? 0 : lastFrameTime + frameDuration)
                : pts * avutil.av_q2d(videoTimeBase) - origin;
        lastFrameTime = time;
        // The index follows from the time, so a segment read on its own numbers its pictures as the
        // whole stream does; a counter stands in when the frame rate is unknown.
        long index = frameDuration > 0 ? Math.round(time / frameDuration) : frameIndex;
        frameIndex++;
        AnalysisFrame frame = video.toFrame(decoded, index, time);
        previousFrameClean = lastFrameErrors.isEmpty();
        lastFrameErrors = frame.decoderErrors();
        return frame;
    }

    private AudioBuffer audioOut() {
        long pts = decoded.pts();
        double time = pts == avutil.AV_NOPTS_VALUE
                ? (Double.isNaN(nextAudioTime) ? 0 : nextAudioTime)
                : pts * avutil.av_q2d(audioTimeBase) - origin;
        AudioBuffer buffer = audio.toBuffer(decoded, time);
        nextAudioTime = time + buffer.duration();
        return buffer;
    }

    private void onLog(long context, int level, String message) {
        if (video != null && context == video.context().address()) {
            if (level <= avutil.AV_LOG_ERROR || message.startsWith(CONCEALING)) {
                video.error(message);
            }
        } else if (level <= avutil.AV_LOG_WARNING) {
            inputErrors.add(message);
            if (segmentLost == null && message.contains(SEGMENT_LOST)) {
                segmentLost = message;
            }
            LOG.debug("{}: {}", source, message);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (video != null) {
            video.close();
        }
        if (audio != null) {
            audio.close();
        }
        av_packet_free(packet);
        av_frame_free(decoded);
        avformat_close_input(format);
        ready.clear();
        interruption = null;
    }
}
