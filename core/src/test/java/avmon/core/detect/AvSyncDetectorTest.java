package avmon.core.detect;

import static avmon.core.detect.SyntheticMedia.flat;
import static avmon.core.detect.SyntheticMedia.moving;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import avmon.core.media.MediaSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class AvSyncDetectorTest {

    private static final double SECONDS = 12;
    private static final double BEEP = 0.1;

    private final AvSyncDetector detector = new AvSyncDetector(AvSyncDetector.Settings.DEFAULTS);

    /** Flash at frame 25k + 13 (t = k + 0.52), two pictures long; the beep at flash + offset(flash). */
    private static List<MediaSample> pattern(DoubleUnaryOperator offsetAt) {
        List<AnalysisFrame> video = new ArrayList<>();
        List<Double> beeps = new ArrayList<>();
        for (int i = 0; i < SECONDS * SyntheticMedia.FPS; i++) {
            boolean flash = i % 25 == 13 || i % 25 == 14;
            video.add(flash ? flat(i, 235) : moving(i));
            if (i % 25 == 13) {
                double t = SyntheticMedia.time(i);
                beeps.add(t + offsetAt.applyAsDouble(t));
            }
        }
        List<AudioBuffer> audio = SyntheticMedia.audio(SECONDS,
                t -> beeps.stream().anyMatch(b -> t >= b && t < b + BEEP), 0.5);
        return SyntheticMedia.interleave(video, audio);
    }

    @Test
    void onAudio_audioLateForFourFlashes_reportsRunOnFlashTimesWithMeanOffset() {
        List<Defect> found = SyntheticMedia.run(detector, pattern(t -> t > 4 && t < 8 ? 0.12 : 0), SECONDS);

        assertEquals(1, found.size(), () -> "one out-of-sync run: " + found);
        Defect defect = found.get(0);
        assertEquals(4.52, defect.start(), 1e-9, "start on the first shifted flash");
        assertEquals(8.52, defect.end(), 1e-9, "end on the first flash in sync again");
        assertEquals(0.12, defect.value(), 1.0 / SyntheticMedia.RATE, "offset, audio late");
    }

    @Test
    void onAudio_audioFiftyMillisecondsEarly_isOutsideEbuTolerance() {
        List<Defect> found = SyntheticMedia.run(detector, pattern(t -> t > 4 && t < 8 ? -0.05 : 0), SECONDS);

        assertEquals(1, found.size(), () -> "audio early by more than 40 ms: " + found);
        assertEquals(-0.05, found.get(0).value(), 1.0 / SyntheticMedia.RATE, "negative offset: audio early");
    }

    @Test
    void onAudio_audioFiftyMillisecondsLate_isWithinEbuTolerance() {
        List<Defect> found = SyntheticMedia.run(detector, pattern(t -> t > 4 && t < 8 ? 0.05 : 0), SECONDS);

        assertEquals(List.of(), found, "audio late by up to 60 ms is tolerated");
    }

    @Test
    void onEnd_offsetUntilEndOfInput_reportsRunWithoutEnd() {
        List<Defect> found = SyntheticMedia.run(detector, pattern(t -> t > 9 ? 0.2 : 0), SECONDS);

        assertEquals(1, found.size(), () -> "one run: " + found);
        assertEquals(9.52, found.get(0).start(), 1e-9, "start on the first shifted flash");
        assertNull(found.get(0).end(), "no flash in sync after it");
    }

    @Test
    void onFrame_noSyncPattern_reportsNothing() {
        List<AnalysisFrame> video = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            video.add(moving(i));
        }
        List<MediaSample> samples = SyntheticMedia.interleave(video, SyntheticMedia.audio(10, t -> true, 0.5));

        assertEquals(List.of(), SyntheticMedia.run(detector, samples, 10), "inactive without flashes and beeps");
    }

    @Test
    void state_roundTripThroughJsonMidRun_givesSameDefects() {
        List<MediaSample> samples = pattern(t -> t > 2 && t < 7 ? -0.3 : 0);
        List<Defect> whole = SyntheticMedia.run(detector, samples, SECONDS);

        List<Defect> split = SegmentRunner.inSegments(List.of(detector), samples, SECONDS,
                samples.size() / 3, samples.size() / 2);

        assertEquals(whole, split, "an offset run over segment boundaries, state through JSON");
        assertEquals(1, whole.size(), "the scenario has one run");
    }
}
