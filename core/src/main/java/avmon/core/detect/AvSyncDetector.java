package avmon.core.detect;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Audio/video offset measured on a flash/beep sync pattern (a white flash on the picture and a beep on
 * the audio at the same instants). A flash onset is the first picture whose mean luma reaches
 * {@link Settings#flashLuma()}; a beep onset is the first sample at or above {@link Settings#beepLevel()}
 * after at least {@link Settings#quietBeforeBeep()} below it. Each flash is paired with the beep within
 * {@link Settings#pairWindow()} of it; offset = beep - flash (positive: audio late).
 *
 * <p>A run of pairs whose offset is outside the tolerance (audio early by more than
 * {@link Settings#maxAudioEarly()} or late by more than {@link Settings#maxAudioLate()}) is one
 * {@link DefectType#AV_SYNC} defect: start = the first such flash, end = the first flash after it whose beep
 * is in tolerance again (no end when none comes), value = mean offset over the run. Without a sync pattern
 * no flash finds its beep and the detector reports nothing: it is only active when the pattern is present.
 */
public final class AvSyncDetector extends AbstractDetector<AvSyncDetector.State> {

    /** The detector's name and the key of its state. */
    public static final String NAME = "av_sync";

    /**
     * Thresholds. The default tolerance is EBU R37's: audio at most 40 ms early and 60 ms late.
     *
     * @param flashLuma       mean picture luma (0..255) at or above which a picture is a flash
     * @param beepLevel       amplitude (0..1) at or above which a sample is part of a beep; 0.0316 is -30 dBFS
     * @param quietBeforeBeep seconds below the beep level needed before an onset counts as a new beep
     * @param pairWindow      largest distance in seconds between a flash and the beep it is paired with;
     *                        below half the pattern's period so a beep cannot pair with the wrong flash
     * @param maxAudioEarly   largest tolerated lead of the audio, in seconds (positive number)
     * @param maxAudioLate    largest tolerated lag of the audio, in seconds
     */
    public record Settings(double flashLuma, double beepLevel, double quietBeforeBeep, double pairWindow,
                           double maxAudioEarly, double maxAudioLate) {
        public static final Settings DEFAULTS = new Settings(180, 0.0316, 0.25, 0.45, 0.040, 0.060);

        public Settings {
            if (maxAudioEarly < 0 || maxAudioLate < 0 || pairWindow <= 0 || beepLevel <= 0) {
                throw new IllegalArgumentException("A/V sync tolerances and window must be positive");
            }
        }
    }

    /** Onsets waiting for their partner, the measured run so far, and how far each medium has been read. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class State {
        boolean flashOn;
        /** Sample frames below the beep level since the last loud one; starts high: audio begins quiet. */
        long quietFrames = Long.MAX_VALUE / 2;
        List<Double> flashes = new ArrayList<>();
        List<Double> beeps = new ArrayList<>();
        double videoTime;
        double audioTime;
        double runStart;
        double runSum;
        int runCount;
    }

    private final Settings settings;

    public AvSyncDetector(Settings settings) {
        super(NAME, State.class, State::new);
        this.settings = settings;
    }

    @Override
    public boolean usesAudio() {
        return true;
    }

    @Override
    public State onFrame(State state, AnalysisFrame frame, Consumer<Defect> out) {
        boolean flash = meanLuma(frame.luma()) >= settings.flashLuma();
        if (flash && !state.flashOn) {
            state.flashes.add(frame.time());
        }
        state.flashOn = flash;
        state.videoTime = frame.time();
        pair(state, false, out);
        return state;
    }

    @Override
    public State onAudio(State state, AudioBuffer audio, Consumer<Defect> out) {
        float[] samples = audio.samples();
        int channels = audio.channels();
        int rate = audio.sampleRate();
        float level = (float) settings.beepLevel();
        long quietNeeded = (long) Math.ceil(settings.quietBeforeBeep() * rate);
        int frames = audio.frameCount();
        long quiet = state.quietFrames;
        for (int f = 0; f < frames; f++) {
            if (isLoud(samples, f * channels, channels, level)) {
                if (quiet >= quietNeeded) {
                    state.beeps.add(audio.time() + (double) f / rate);
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
        state.quietFrames = quiet;
        state.audioTime = audio.time() + audio.duration();
        pair(state, false, out);
        return state;
    }

    @Override
    public State onEnd(State state, double endTime, Consumer<Defect> out) {
        pair(state, true, out);
        if (state.runCount > 0) {
            out.accept(new Defect(DefectType.AV_SYNC, state.runStart, null, state.runSum / state.runCount, NAME));
            state.runCount = 0;
        }
        return state;
    }

    /**
     * Pairs each pending flash with its beep once the audio has been read far enough that the beep, if
     * any, is known (or at the end of the input); drops beeps no pending or future flash can claim.
     */
    private void pair(State state, boolean ending, Consumer<Defect> out) {
        double window = settings.pairWindow();
        while (!state.flashes.isEmpty()) {
            double flash = state.flashes.get(0);
            if (!ending && state.audioTime < flash + window) {
                break;
            }
            while (!state.beeps.isEmpty() && state.beeps.get(0) < flash - window) {
                state.beeps.remove(0);
            }
            state.flashes.remove(0);
            if (!state.beeps.isEmpty() && state.beeps.get(0) <= flash + window) {
                measured(state, flash, state.beeps.remove(0) - flash, out);
            }
        }
        double horizon = state.flashes.isEmpty() ? state.videoTime : state.flashes.get(0);
        while (!state.beeps.isEmpty() && state.beeps.get(0) < horizon - window) {
            state.beeps.remove(0);
        }
    }

    private void measured(State state, double flash, double offset, Consumer<Defect> out) {
        boolean inSync = offset >= -settings.maxAudioEarly() && offset <= settings.maxAudioLate();
        if (!inSync) {
            if (state.runCount == 0) {
                state.runStart = flash;
                state.runSum = 0;
            }
            state.runSum += offset;
            state.runCount++;
        } else if (state.runCount > 0) {
            out.accept(new Defect(DefectType.AV_SYNC, state.runStart, flash, state.runSum / state.runCount, NAME));
            state.runCount = 0;
        }
    }

    private static double meanLuma(byte[] luma) {
        // An int holds the sum of up to 8 million pixels; it lets the JIT vectorise the loop.
        int sum = 0;
        for (byte value : luma) {
            sum += value & 0xff;
        }
        return (double) sum / luma.length;
    }

    private static boolean isLoud(float[] samples, int offset, int channels, float level) {
        for (int c = 0; c < channels; c++) {
            if (Math.abs(samples[offset + c]) >= level) {
                return true;
            }
        }
        return false;
    }
}
