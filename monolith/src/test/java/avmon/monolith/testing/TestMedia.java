package avmon.monolith.testing;

import avmon.core.media.FfmpegLibrary;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Small H.264 + AAC clips with defects put in on purpose, encoded directly so the monolith's tests do not
 * depend on the generator: a moving ramp and a 1 kHz tone, with chosen seconds frozen, black or silent.
 */
public final class TestMedia {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    public static final int FPS = 25;
    public static final int SAMPLE_RATE = 48000;

    /** What a clip holds, second by second. */
    public record Content(double seconds, Window frozen, Window black, Window silent) {
        public static Content clean(double seconds) {
            return new Content(seconds, Window.NONE, Window.NONE, Window.NONE);
        }

        public Content withFrozen(double from, double to) {
            return new Content(seconds, new Window(from, to), black, silent);
        }

        public Content withBlack(double from, double to) {
            return new Content(seconds, frozen, new Window(from, to), silent);
        }

        public Content withSilence(double from, double to) {
            return new Content(seconds, frozen, black, new Window(from, to));
        }

        int frames() {
            return (int) Math.round(seconds * FPS);
        }
    }

    /** Seconds [from, to) of a clip. */
    public record Window(double from, double to) {
        public static final Window NONE = new Window(0, 0);

        boolean containsFrame(int frame) {
            double t = (double) frame / FPS;
            return t >= from && t < to;
        }
    }

    private TestMedia() {
    }

    /** One MPEG-TS file. */
    public static Path writeTs(Path file, Content content) throws Exception {
        try (FFmpegFrameRecorder recorder = recorder(file.toString(), "mpegts")) {
            record(recorder, content);
        }
        return file;
    }

    /**
     * An HLS rendition in {@code dir}: {@code full.m3u8} (VOD, all segments) and {@code segNNN.ts} of about
     * {@code segmentSeconds} each, cut on keyframes.
     */
    public static Path writeHls(Path dir, Content content, int segmentSeconds) throws Exception {
        Path playlist = dir.resolve("full.m3u8");
        try (FFmpegFrameRecorder recorder = recorder(playlist.toString(), "hls")) {
            recorder.setGopSize(FPS * segmentSeconds);
            recorder.setOption("hls_time", Integer.toString(segmentSeconds));
            recorder.setOption("hls_list_size", "0");
            recorder.setOption("hls_playlist_type", "vod");
            recorder.setOption("hls_segment_filename", dir.resolve("seg%03d.ts").toString());
            record(recorder, content);
        }
        return playlist;
    }

    private static FFmpegFrameRecorder recorder(String target, String format) {
        FfmpegLibrary.load();
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target, WIDTH, HEIGHT, 2);
        recorder.setFormat(format);
        recorder.setVideoCodecName("libopenh264");
        recorder.setFrameRate(FPS);
        recorder.setGopSize(FPS * 10); // few keyframes: each one re-encodes a frozen picture a little differently
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setVideoBitrate(2_000_000);
        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(SAMPLE_RATE);
        recorder.setAudioBitrate(96_000);
        return recorder;
    }

    private static void record(FFmpegFrameRecorder recorder, Content content) throws Exception {
        recorder.start();
        Frame picture = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 1);
        ByteBuffer pixels = (ByteBuffer) picture.image[0];
        int samplesPerFrame = SAMPLE_RATE / FPS;
        float[] samples = new float[samplesPerFrame * 2];
        int shown = 0;
        for (int i = 0; i < content.frames(); i++) {
            if (!content.frozen().containsFrame(i)) {
                shown = i;
            }
            boolean black = content.black().containsFrame(i);
            paint(pixels, picture.imageStride, !black, shown);
            recorder.record(picture, avutil.AV_PIX_FMT_GRAY8);
            boolean silent = content.silent().containsFrame(i);
            for (int k = 0; k < samplesPerFrame; k++) {
                float v = silent ? 0f
                        : (float) (0.2 * Math.sin(2 * Math.PI * 1000 * (i * samplesPerFrame + k) / (double) SAMPLE_RATE));
                samples[2 * k] = v;
                samples[2 * k + 1] = v;
            }
            recorder.recordSamples(SAMPLE_RATE, 2, FloatBuffer.wrap(samples));
        }
        recorder.stop();
    }

    private static void paint(ByteBuffer pixels, int stride, boolean on, int frame) {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                pixels.put(y * stride + x, on ? (byte) (x + y + frame * 4) : 0);
            }
        }
    }
}
