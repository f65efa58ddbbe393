package avmon.core.media;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Small MPEG-TS clips encoded directly, for decoder tests that must not depend on the generator. */
final class TestClips {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final int FPS = 25;
    static final int SAMPLE_RATE = 48000;

    private TestClips() {
    }

    /** {@code frames} pictures of a moving ramp and/or a 1 kHz tone, H.264 + AAC in MPEG-TS. */
    static Path write(Path file, int frames, boolean video, boolean audio) throws Exception {
        return write(file, frames, video, audio, false);
    }

    /**
     * {@code frames} pictures of a ramp that brightens by 4 levels a picture, MPEG-4 part 2 with two B-frames
     * between references, so that decode order differs from presentation order (as in most broadcast H.264,
     * which this build cannot encode).
     */
    static Path writeWithBFrames(Path file, int frames) throws Exception {
        return write(file, frames, true, false, true);
    }

    private static Path write(Path file, int frames, boolean video, boolean audio, boolean bFrames) throws Exception {
        FfmpegLibrary.load();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(),
                video ? WIDTH : 0, video ? HEIGHT : 0, audio ? 2 : 0)) {
            recorder.setFormat("mpegts");
            if (video) {
                recorder.setFrameRate(FPS);
                recorder.setGopSize(FPS);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setVideoBitrate(1_000_000);
                if (bFrames) {
                    recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                    recorder.setVideoOption("bf", "2");
                } else {
                    recorder.setVideoCodecName("libopenh264");
                }
            }
            if (audio) {
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(SAMPLE_RATE);
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
            Frame picture = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 1);
            ByteBuffer pixels = (ByteBuffer) picture.image[0];
            int samplesPerFrame = SAMPLE_RATE / FPS;
            float[] samples = new float[samplesPerFrame * 2];
            for (int i = 0; i < frames; i++) {
                if (video) {
                    for (int y = 0; y < HEIGHT; y++) {
                        for (int x = 0; x < WIDTH; x++) {
                            pixels.put(y * picture.imageStride + x, (byte) (x + y + i * 4));
                        }
                    }
                    recorder.record(picture, avutil.AV_PIX_FMT_GRAY8);
                }
                if (audio) {
                    for (int k = 0; k < samplesPerFrame; k++) {
                        float v = (float) (0.1 * Math.sin(2 * Math.PI * 1000 * (i * samplesPerFrame + k) / SAMPLE_RATE));
                        samples[2 * k] = v;
                        samples[2 * k + 1] = v;
                    }
                    recorder.recordSamples(SAMPLE_RATE, 2, FloatBuffer.wrap(samples));
                }
            }
            recorder.stop();
        }
        return file;
    }
}
