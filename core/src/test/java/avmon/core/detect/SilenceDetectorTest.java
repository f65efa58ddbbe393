package avmon.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.media.AudioBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceDetectorTest {

    private static final int RATE = SyntheticMedia.RATE;

    private final SilenceDetector detector = new SilenceDetector(SilenceDetector.Settings.DEFAULTS);

    /** 10 s of tone, silent for sample indices [from, to). */
    private static List<AudioBuffer> silentBetween(long from, long to) {
        return SyntheticMedia.audio(10, t -> {
            long sample = Math.round(t * RATE);
            return sample < from || sample >= to;
        }, 0.5);
    }

    @Test
    void onAudio_silenceOfTwoAndAHalfSeconds_reportsSampleAccurateBoundaries() {
        long from = 100_003;
        long to = from + 120_001;
        List<Defect> found = SyntheticMedia.run(detector, silentBetween(from, to), 10);

        assertEquals(1, found.size(), () -> "one silence: " + found);
        // The tone crosses zero: a loud sample next to the silence may itself be below -60 dBFS.
        assertEquals((double) from / RATE, found.get(0).start(), 2.0 / RATE, "start within two samples");
        assertEquals((double) to / RATE, found.get(0).end(), 2.0 / RATE, "end within two samples");
    }

    @Test
    void onAudio_silenceOfExactlyMinDuration_reportsIt() {
        List<Defect> found = SyntheticMedia.run(detector, constant(0.0005f, 2.0), 2.0);

        assertEquals(List.of(new Defect(DefectType.SILENCE, 0.0, 2.0, null, "silence")), found,
                "2 s of samples below the noise, ending with the input");
    }

    @Test
    void onAudio_silenceOneSampleShorterThanMinDuration_reportsNothing() {
        List<Defect> found = SyntheticMedia.run(detector, constant(0.0005f, 2.0 - 1.0 / RATE), 2.0);

        assertEquals(List.of(), found, "one sample short of 2 s");
    }

    @Test
    void onAudio_amplitudeAtNoise_isNotSilent() {
        List<Defect> found = SyntheticMedia.run(detector, constant(0.001f, 3.0), 3.0);

        assertEquals(List.of(), found, "silence means strictly below the noise level");
    }

    @Test
    void onAudio_oneLoudSampleInOneChannel_splitsTheSilence() {
        float[] samples = new float[7 * RATE];
        int loudFrame = RATE;
        samples[loudFrame * 2 + 1] = 0.2f;
        List<Defect> found = SyntheticMedia.run(detector, List.of(new AudioBuffer(0, RATE, 2, samples)), 3.5);

        assertEquals(List.of(new Defect(DefectType.SILENCE, (double) (loudFrame + 1) / RATE, 3.5, null, "silence")),
                found, "the first second is too short; the silence after the loud sample runs to the end");
    }

    @Test
    void onEnd_silenceUntilEndOfInput_endsAtEndOfLastSample() {
        List<Defect> found = SyntheticMedia.run(detector, silentBetween(300_000, Long.MAX_VALUE), 10.0);

        assertEquals(1, found.size(), () -> "one silence: " + found);
        assertEquals(10.0, found.get(0).end(), 1e-9, "ends at the end of the audio");
    }

    @Test
    void state_roundTripThroughJsonMidSilence_givesSameDefects() {
        List<AudioBuffer> audio = silentBetween(150_000, 300_000);
        List<Defect> whole = SyntheticMedia.run(detector, audio, 10);

        List<Defect> split = SegmentRunner.inSegments(List.of(detector), audio, 10, 160, 200, 201);

        assertEquals(whole, split, "a silence over segment boundaries, state through JSON");
        assertEquals(1, whole.size(), "the scenario has one silence");
    }

    @Test
    void ofDecibels_minusSixty_isOneThousandth() {
        assertEquals(0.001, SilenceDetector.Settings.ofDecibels(-60, 2).noise(), 1e-12, "-60 dBFS");
    }

    private static List<AudioBuffer> constant(float value, double seconds) {
        int frames = (int) Math.round(seconds * RATE);
        float[] samples = new float[frames];
        java.util.Arrays.fill(samples, value);
        return List.of(new AudioBuffer(0, RATE, 1, samples));
    }
}
