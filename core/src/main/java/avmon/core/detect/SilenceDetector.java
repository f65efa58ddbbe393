package avmon.core.detect;

import avmon.core.media.AudioBuffer;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.function.Consumer;

/**
 * Silent audio, with FFmpeg {@code silencedetect} semantics (all channels together, its default): silent
 * while every sample's amplitude is below {@link Settings#noise()}, reported when the silence lasted at
 * least {@link Settings#minDuration()}. Sample accurate: start = time of the first silent sample, end =
 * time of the first sample that is loud again. Silence that runs to the end of the input ends at the end
 * of the last audio sample, as FFmpeg reports it.
 */
public final class SilenceDetector extends AbstractDetector<SilenceDetector.State> {

    /** The detector's name and the key of its state. */
    public static final String NAME = "silence";

    /**
     * Thresholds, FFmpeg's defaults in {@link #DEFAULTS}.
     *
     * @param noise       amplitude (0..1) below which a sample is silent; 0.001 is -60 dBFS
     * @param minDuration shortest silence reported, in seconds
     */
    public record Settings(double noise, double minDuration) {
        public static final Settings DEFAULTS = new Settings(0.001, 2.0);

        public Settings {
            if (noise <= 0 || minDuration < 0) {
                throw new IllegalArgumentException("silence noise must be positive and duration not negative");
            }
        }

        /** Settings with the noise level given in dBFS. */
        public static Settings ofDecibels(double noiseDb, double minDuration) {
            return new Settings(Math.pow(10, noiseDb / 20), minDuration);
        }
    }

    /** What the detector remembers between buffers: the silent run so far. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class State {
        /** Time of the first sample of the current silent run. */
        double runStart;
        /** Sample frames in the current silent run, 0 when the audio is loud. */
        long runFrames;
        /** Sample rate of the run, to turn its length into time. */
        int sampleRate;
    }

    private final Settings settings;

    public SilenceDetector(Settings settings) {
        super(NAME, State.class, State::new);
        this.settings = settings;
    }

    @Override
    public boolean usesVideo() {
        return false;
    }

    @Override
    public boolean usesAudio() {
        return true;
    }

    @Override
    public State onAudio(State state, AudioBuffer audio, Consumer<Defect> out) {
        float[] samples = audio.samples();
        int channels = audio.channels();
        int rate = audio.sampleRate();
        float noise = (float) settings.noise();
        long minFrames = minFrames(rate);
        int frames = audio.frameCount();
        // The run lives in locals while the samples go by, so the loop touches no heap but the samples.
        long run = state.runFrames;
        double runStart = state.runStart;
        for (int f = 0; f < frames; f++) {
            if (isSilent(samples, f * channels, channels, noise)) {
                if (run == 0) {
                    runStart = audio.time() + (double) f / rate;
                }
                run++;
            } else if (run > 0) {
                if (run >= minFrames) {
                    report(runStart, audio.time() + (double) f / rate, out);
                }
                run = 0;
            }
        }
        state.runFrames = run;
        state.runStart = runStart;
        state.sampleRate = rate;
        return state;
    }

    @Override
    public State onEnd(State state, double endTime, Consumer<Defect> out) {
        if (state.runFrames > 0 && state.runFrames >= minFrames(state.sampleRate)) {
            report(state.runStart, state.runStart + (double) state.runFrames / state.sampleRate, out);
        }
        state.runFrames = 0;
        return state;
    }

    private long minFrames(int sampleRate) {
        return Math.max(1, (long) Math.ceil(settings.minDuration() * sampleRate - 1e-6));
    }

    private static boolean isSilent(float[] samples, int offset, int channels, float noise) {
        for (int c = 0; c < channels; c++) {
            if (Math.abs(samples[offset + c]) >= noise) {
                return false;
            }
        }
        return true;
    }

    private static void report(double start, double end, Consumer<Defect> out) {
        out.accept(new Defect(DefectType.SILENCE, start, end, null, NAME));
    }
}
