package avmon.core.synth;

import avmon.core.media.FfmpegLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Encodes a planned stream into one file: video as the spec's {@link VideoEncoding} says (by default H.264 with a
 * keyframe forced every second), and AAC stereo at 48 kHz, pictures and samples on one clock. The file is
 * MPEG-TS, which the segmenter cuts into HLS segments afterwards, or Matroska for a codec MPEG-TS cannot carry;
 * either is damaged where asked while it is copied.
 */
final class StreamEncoder {

    static final int SAMPLE_RATE = 48_000;
    static final int CHANNELS = 2;
    static final long AUDIO_BIT_RATE = 128_000;

    private final InjectionPlan plan;

    StreamEncoder(InjectionPlan plan) {
        this.plan = plan;
    }

    /** FFmpeg's name of the container the stream is encoded into: MPEG-TS, or Matroska where it cannot be. */
    static String container(StreamSpec spec) {
        return !spec.video() || spec.encoding().codec().hls() ? "mpegts" : "matroska";
    }

    /**
     * Writes the whole stream to {@code file} (in {@link #container}); {@code progress} receives the fraction done.
     *
     * @return samples of encoder priming before the first real audio sample (0 without audio)
     */
    int encode(Path file, DoubleConsumer progress) throws IOException {
        FfmpegLibrary.load();
        StreamSpec spec = plan.spec();
        int fps = (int) spec.frameRate();
        try (FileMuxer muxer = new FileMuxer(file, container(spec));
             VideoEncoder video = spec.video() ? new VideoEncoder(spec.width(), spec.height(), fps, spec.encoding()) : null;
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
        private final VideoEncoder encoder;
        private final PacketSink out;
        /** One renderer per shot, so each shot draws its own content instance. */
        private final Map<Shot, PictureRenderer> renderers = new HashMap<>();
        private final byte[] pixels;
        private final int stride;

        PictureTrack(InjectionPlan plan, VideoEncoder encoder, PacketSink out) {
            StreamSpec spec = plan.spec();
            this.plan = plan;
            this.encoder = encoder;
            this.out = out;
            for (Shot shot : plan.shots()) {
                renderers.put(shot, PictureRenderer.of(shot.content(), shot.seed(), spec.width(), spec.height()));
            }
            this.stride = spec.width();
            this.pixels = new byte[stride * spec.height()];
        }

        void encode(int i) throws IOException {
            // A freeze across a cut keeps showing its first picture, from the shot that picture belongs to.
            int shown = plan.contentFrame(i);
            PictureRenderer renderer = renderers.get(plan.shotOf(shown));
            if (plan.black(i)) {
                renderer.fill(0, pixels, stride);
            } else if (plan.flash(i)) {
                renderer.fill(255, pixels, stride);
            } else {
                renderer.draw(shown, pixels, stride);
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
