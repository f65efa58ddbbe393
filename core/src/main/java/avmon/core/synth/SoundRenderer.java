package avmon.core.synth;

/**
 * Draws the test audio: a steady 1 kHz tone at -20 dBFS, or with the sync pattern a quiet 440 Hz bed at
 * -45 dBFS with 1 kHz beeps at -6 dBFS. The levels keep the thresholds unambiguous: the bed is 15 dB above
 * the -60 dBFS silence threshold and 15 dB below the -30 dBFS beep-onset threshold, the beeps 24 dB above it.
 * Silenced samples are exact zeros.
 */
final class SoundRenderer {

    static final double TONE_AMPLITUDE = 0.1;      // -20 dBFS
    static final double BED_AMPLITUDE = 0.00562;   // -45 dBFS
    static final double BEEP_AMPLITUDE = 0.5;      // -6 dBFS
    static final double TONE_HZ = 1000;
    static final double BED_HZ = 440;

    private final InjectionPlan plan;
    private final int sampleRate;
    private final long beepLength;
    private final long[] beepStarts;

    SoundRenderer(InjectionPlan plan) {
        this.plan = plan;
        this.sampleRate = plan.sampleRate();
        this.beepLength = Math.round(InjectionPlan.BEEP_SECONDS * sampleRate);
        int flashes = plan.spec().syncPattern() ? plan.flashCount() : 0;
        this.beepStarts = new long[flashes];
        for (int k = 0; k < flashes; k++) {
            beepStarts[k] = plan.beepStartSample(k);
        }
    }

    /** Writes samples {@code first .. first + count - 1} into {@code out} (one channel; all channels carry it). */
    void draw(long first, int count, float[] out) {
        for (int i = 0; i < count; i++) {
            long k = first + i;
            out[i] = plan.silent(k) ? 0f : (float) sample(k);
        }
    }

    private double sample(long k) {
        double t = (double) k / sampleRate;
        if (!plan.spec().syncPattern()) {
            return TONE_AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * t);
        }
        if (inBeep(k)) {
            return BEEP_AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * t);
        }
        return BED_AMPLITUDE * Math.sin(2 * Math.PI * BED_HZ * t);
    }

    private boolean inBeep(long k) {
        for (long start : beepStarts) {
            if (start >= 0 && k >= start && k < start + beepLength) {
                return true;
            }
        }
        return false;
    }
}
