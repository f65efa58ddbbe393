package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import avmon.core.media.MediaSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Builds analysis frames and audio buffers in memory with defects at exact times, so detectors can be
 * tested without decoding anything.
 */
final class SyntheticMedia {

    static final int WIDTH = 32;
    static final int HEIGHT = 18;
    static final double FPS = 25;
    static final int RATE = 48_000;
    static final int CHANNELS = 2;
    static final int BUFFER_FRAMES = 1024;

    private SyntheticMedia() {
    }

    /** A picture that differs clearly from the pictures before and after it, mean luma well below a flash. */
    static AnalysisFrame moving(long index) {
        byte[] luma = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                luma[y * WIDTH + x] = (byte) (40 + Math.floorMod(x * 7 + y * 13 + (int) index * 29, 120));
            }
        }
        return frame(index, luma);
    }

    /** A picture of one luma value everywhere. */
    static AnalysisFrame flat(long index, int value) {
        byte[] luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, (byte) value);
        return frame(index, luma);
    }

    static AnalysisFrame frame(long index, byte[] luma) {
        return new AnalysisFrame(index, index / FPS, WIDTH, HEIGHT, luma, List.of());
    }

    static AnalysisFrame withErrors(AnalysisFrame frame) {
        return new AnalysisFrame(frame.index(), frame.time(), frame.width(), frame.height(), frame.luma(),
                List.of("error while decoding MB 3 2"), frame.keyframe());
    }

    /** The same picture, flagged as a keyframe. */
    static AnalysisFrame asKeyframe(AnalysisFrame frame) {
        return new AnalysisFrame(frame.index(), frame.time(), frame.width(), frame.height(), frame.luma(),
                frame.decoderErrors(), true);
    }

    /** Frame times: index / 25. */
    static double time(long index) {
        return index / FPS;
    }

    /** Stereo audio of the given length cut into 1024-sample buffers; {@code loud} decides per sample time. */
    static List<AudioBuffer> audio(double seconds, DoublePredicate loud, double amplitude) {
        List<AudioBuffer> buffers = new ArrayList<>();
        long total = Math.round(seconds * RATE);
        for (long first = 0; first < total; first += BUFFER_FRAMES) {
            int frames = (int) Math.min(BUFFER_FRAMES, total - first);
            float[] samples = new float[frames * CHANNELS];
            for (int f = 0; f < frames; f++) {
                double t = (double) (first + f) / RATE;
                float value = loud.test(t) ? (float) (amplitude * Math.sin(2 * Math.PI * 440 * t + 0.3)) : 0f;
                samples[f * CHANNELS] = value;
                samples[f * CHANNELS + 1] = value;
            }
            buffers.add(new AudioBuffer((double) first / RATE, RATE, CHANNELS, samples));
        }
        return buffers;
    }

    /** Pictures and audio merged in presentation order, as a demuxer hands them out. */
    static List<MediaSample> interleave(List<? extends MediaSample> video, List<? extends MediaSample> audio) {
        List<MediaSample> all = new ArrayList<>(video);
        all.addAll(audio);
        all.sort(Comparator.comparingDouble(MediaSample::time));
        return all;
    }

    /** Feeds samples to one detector from its initial state and returns what it reported. */
    static <S> List<Defect> run(Detector<S> detector, List<? extends MediaSample> samples, double endTime) {
        List<Defect> found = new ArrayList<>();
        S state = detector.initialState();
        for (MediaSample sample : samples) {
            if (sample instanceof AnalysisFrame frame) {
                state = detector.onFrame(state, frame, found::add);
            } else if (sample instanceof AudioBuffer audio) {
                state = detector.onAudio(state, audio, found::add);
            }
        }
        detector.onEnd(state, endTime, found::add);
        return found;
    }
}
