package avmon.cli.monitor;

import avmon.core.media.FfmpegLibrary;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** A small H.264 + AAC clip for the command's tests: a moving ramp and a tone, black for a while. */
final class Clips {

    private static final int WIDTH = 160;
    private static final int HEIGHT = 90;
    private static final int FPS = 25;
    private static final int RATE = 48000;

    private Clips() {
    }

    /** {@code seconds} long, black from {@code blackFrom} to {@code blackTo} seconds. */
    static Path withBlack(Path file, double seconds, double blackFrom, double blackTo) throws Exception {
        FfmpegLibrary.load();
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toString(), WIDTH, HEIGHT, 1)) {
            r.setFormat("mpegts");
            r.setGopSize(FPS * 10);
            record(r, seconds, blackFrom, blackTo);
        }
        return file;
    }

    /**
     * The same as an HLS rendition in {@code dir}: {@code index.m3u8} (ended) and {@code segNNN.ts} of
     * {@code segmentSeconds} each.
     */
    static Path hlsWithBlack(Path dir, double seconds, double blackFrom, double blackTo, int segmentSeconds)
            throws Exception {
        FfmpegLibrary.load();
        Path playlist = dir.resolve("index.m3u8");
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(playlist.toString(), WIDTH, HEIGHT, 1)) {
            r.setFormat("hls");
            r.setGopSize(FPS * segmentSeconds);
            r.setOption("hls_time", Integer.toString(segmentSeconds));
            r.setOption("hls_list_size", "0");
            r.setOption("hls_playlist_type", "vod");
            r.setOption("hls_segment_filename", dir.resolve("seg%03d.ts").toString());
            record(r, seconds, blackFrom, blackTo);
        }
        return playlist;
    }

    private static void record(FFmpegFrameRecorder r, double seconds, double blackFrom, double blackTo)
            throws Exception {
        r.setVideoCodecName("libopenh264");
        r.setFrameRate(FPS);
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setVideoBitrate(1_000_000);
        r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        r.setSampleRate(RATE);
        r.start();
        Frame picture = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 1);
        ByteBuffer pixels = (ByteBuffer) picture.image[0];
        float[] tone = new float[RATE / FPS];
        for (int i = 0; i < Math.round(seconds * FPS); i++) {
            boolean black = i >= blackFrom * FPS && i < blackTo * FPS;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    pixels.put(y * picture.imageStride + x, black ? 0 : (byte) (x + y + i * 4));
                }
            }
            r.record(picture, avutil.AV_PIX_FMT_GRAY8);
            for (int k = 0; k < tone.length; k++) {
                tone[k] = (float) (0.2 * Math.sin(2 * Math.PI * 1000 * (i * tone.length + k) / (double) RATE));
            }
            r.recordSamples(RATE, 1, FloatBuffer.wrap(tone));
        }
        r.stop();
    }
}
