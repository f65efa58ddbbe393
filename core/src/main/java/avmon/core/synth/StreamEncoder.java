package avmon.core.synth;

import avmon.core.media.FfmpegLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Encodes a planned stream into one MPEG-TS file: H.264 with a keyframe forced every second, and AAC stereo
 * at 48 kHz, pictures and samples on one clock. The segmenter cuts this file into HLS segments afterwards,
 * damaging it where asked.
 */
final class StreamEncoder {

    static final int SAMPLE_RATE = 48_000;
    static final int CHANNELS = 2;
    static final long AUDIO_BIT_RATE = 128_000;
    /** H.264 quantizer for every picture: about 1.4 Mbit/s for this content at 720p, 2.7 at 1080p. */
    static final int QUANTIZER = 24;

    private final InjectionPlan plan;

    StreamEncoder(InjectionPlan plan) {
        this.plan = plan;
    }

    /**
     * Writes the whole stream to {@code file}; {@code progress} receives the fraction done.
     *
     * @return samples of encoder priming before the first real audio sample (0 without audio)
     */
    int encode(Path file, DoubleConsumer progress) throws IOException {
        FfmpegLibrary.load();
        StreamSpec spec = plan.spec();
        int fps = (int) spec.frameRate();
        try (TsMuxer muxer = new TsMuxer(file);
             H264Encoder video = spec.video() ? new H264Encoder(spec.width(), spec.height(), fps, QUANTIZER) : null;
             AacEncoder audio = spec.audio() ? new AacEncoder(SAMPLE_RATE, CHANNELS, AUDIO_BIT_RATE) : null) {
            int videoIndex = video == null ? -1 : muxer.addStream(video.context());
            int audioIndex = audio == null ? -1 : muxer.addStream(audio.context());
            muxer.start();
            PacketSink videoOut = p -> muxer.write(p, video.context(), videoIndex);
            PacketSink audioOut = p -> muxer.write(p, audio.context(), audioIndex);
            AudioTrack track = audio == null ? null : new AudioTrack(audio, new SoundRenderer(plan), audioOut);
            PictureTrack pictures = video == null ? null : new PictureTrack(plan, video, videoOut);
            int frames = spec.frameCount();
            long totalSamples = Math.round(frames * (double) SAMPLE_RATE / fps);
            for (int i = 0; i < frames; i++) {
                if (pictures != null) {
                    pictures.encode(i);
                }
                if (track != null) {
                    track.encodeUntil(Math.min(totalSamples, Math.round((i + 1) * (double) SAMPLE_RATE / fps)));
                }
                progress.accept((i + 1.0) / frames);
            }
            if (track != null) {
                track.finishAt(totalSamples);
                audio.finish(audioOut);
            }
            if (video != null) {
                video.finish(videoOut);
            }
            muxer.finish();
            return audio == null ? 0 : audio.priming();
        }
    }

    /** Draws each picture as the plan says and encodes it. */
    private static final class PictureTrack {
        private final InjectionPlan plan;
        private final H264Encoder encoder;
        private final PacketSink out;
        private final PictureRenderer renderer;
        private final byte[] pixels;
        private final int stride;

        PictureTrack(InjectionPlan plan, H264Encoder encoder, PacketSink out) {
            StreamSpec spec = plan.spec();
            this.plan = plan;
            this.encoder = encoder;
            this.out = out;
            this.renderer = PictureRenderer.of(spec.content(), spec.seed(), spec.width(), spec.height());
            this.stride = spec.width();
            this.pixels = new byte[stride * spec.height()];
        }

        void encode(int i) throws IOException {
            if (plan.black(i)) {
                renderer.fill(0, pixels, stride);
            } else if (plan.flash(i)) {
                renderer.fill(255, pixels, stride);
            } else {
                renderer.draw(plan.contentFrame(i), pixels, stride);
            }
            encoder.encode(pixels, stride, i, plan.keyframe(i), out);
        }
    }

    /** Feeds the AAC encoder whole frames of samples as the pictures advance. */
    private static final class AudioTrack {
        private final AacEncoder encoder;
        private final SoundRenderer sound;
        private final PacketSink out;
        private final float[] buffer;
        private long next;

        AudioTrack(AacEncoder encoder, SoundRenderer sound, PacketSink out) {
            this.encoder = encoder;
            this.sound = sound;
            this.out = out;
            this.buffer = new float[encoder.frameSize()];
        }

        /** Encodes every whole frame before {@code end}, and the short last one when {@code end} is the end. */
        void encodeUntil(long end) throws IOException {
            while (next + buffer.length <= end) {
                encodeFrame(buffer.length);
            }
        }

        void finishAt(long end) throws IOException {
            encodeUntil(end);
            if (next < end) {
                encodeFrame((int) (end - next));
            }
        }

        private void encodeFrame(int count) throws IOException {
            sound.draw(next, count, buffer);
            encoder.encode(buffer, count, next, out);
            next += count;
        }
    }
}
