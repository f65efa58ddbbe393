package avmon.core.detect;

import static avmon.core.detect.SyntheticMedia.moving;
import static avmon.core.detect.SyntheticMedia.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.media.AnalysisFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreezeDetectorTest {

    private final FreezeDetector detector = new FreezeDetector(FreezeDetector.Settings.DEFAULTS);

    /** Moving pictures, except that pictures in [from, to) repeat picture {@code from}. */
    private static List<AnalysisFrame> frozenBetween(int frames, int from, int to) {
        List<AnalysisFrame> list = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            AnalysisFrame source = i >= from && i < to ? moving(from) : moving(i);
            list.add(SyntheticMedia.frame(i, source.luma().clone()));
        }
        return list;
    }

    @Test
    void onFrame_stillForThreeSeconds_reportsFromReferenceToFirstMovingPicture() {
        List<Defect> found = SyntheticMedia.run(detector, frozenBetween(250, 75, 155), time(250));

        assertEquals(List.of(new Defect(DefectType.FREEZE, time(75), time(155), null, "freeze")), found,
                "one freeze from the first frozen picture to the first moving one");
    }

    @Test
    void onFrame_stillForExactlyMinDuration_reportsIt() {
        List<Defect> found = SyntheticMedia.run(detector, frozenBetween(200, 50, 100), time(200));

        assertEquals(1, found.size(), () -> "a 2.0 s freeze meets the 2 s minimum: " + found);
    }

    @Test
    void onFrame_stillForMinDurationBetweenDecodedTimes_reportsIt() {
        // freezes-texture-2's freeze, pictures 371 to 420, with the times the decoder gives them: 90 kHz
        // timestamps from 1920 on, times base times timestamp minus origin. 16.84 - 14.840000000000002 is
        // 1.9999999999999982, a freeze of exactly 2 s that a plain comparison with 2.0 drops.
        List<AnalysisFrame> frames = new ArrayList<>();
        for (AnalysisFrame f : frozenBetween(450, 371, 421)) {
            frames.add(new AnalysisFrame(f.index(), decodedTime(f.index()), f.width(), f.height(), f.luma(),
                    List.of()));
        }

        List<Defect> found = SyntheticMedia.run(detector, frames, decodedTime(450));

        assertEquals(1, found.size(), () -> "a freeze from 14.84 to 16.84 s meets the 2 s minimum: " + found);
        assertEquals(decodedTime(371), found.get(0).start(), "starts at the first frozen picture");
    }

    @Test
    void onFrame_stillForOneFrameLessThanMinDuration_reportsNothing() {
        List<Defect> found = SyntheticMedia.run(detector, frozenBetween(200, 50, 99), time(200));

        assertEquals(List.of(), found, "a 1.96 s freeze is below the 2 s minimum");
    }

    @Test
    void onEnd_stillUntilEndOfInput_reportsFreezeWithoutEnd() {
        List<Defect> found = SyntheticMedia.run(detector, frozenBetween(150, 60, 150), time(150));

        assertEquals(List.of(new Defect(DefectType.FREEZE, time(60), null, null, "freeze")), found,
                "a freeze running to the end has no end, as in FFmpeg");
    }

    @Test
    void onFrame_differenceAtNoiseLevel_staysFrozen() {
        int pixels = SyntheticMedia.WIDTH * SyntheticMedia.HEIGHT;
        // Mean absolute difference of exactly 0.001 * 255 per pixel: frozen (<= noise).
        int changed = (int) Math.floor(0.001 * 255 * pixels);
        List<Defect> found = SyntheticMedia.run(detector, noisyStill(changed), time(100));

        assertEquals(1, found.size(), () -> "difference within noise must count as frozen: " + found);
    }

    @Test
    void onFrame_differenceJustAboveNoiseLevel_moves() {
        int pixels = SyntheticMedia.WIDTH * SyntheticMedia.HEIGHT;
        int changed = (int) Math.floor(0.001 * 255 * pixels) + 1;
        List<Defect> found = SyntheticMedia.run(detector, noisyStill(changed), time(100));

        assertEquals(List.of(), found, "difference above noise must count as moving");
    }

    @Test
    void onFrame_slowDriftFromReference_endsFreezeWhenDriftExceedsNoise() {
        // Each picture changes one more pixel by one level than the last: a neighbour-to-neighbour
        // comparison would never see motion; comparing with the reference does, once enough pixels differ.
        int pixels = SyntheticMedia.WIDTH * SyntheticMedia.HEIGHT;
        int limit = (int) Math.floor(0.001 * 255 * pixels);
        List<AnalysisFrame> frames = new ArrayList<>();
        byte[] base = moving(0).luma();
        for (int i = 0; i < 150; i++) {
            byte[] luma = base.clone();
            for (int p = 0; p < Math.min(i, pixels); p++) {
                luma[p]++;
            }
            frames.add(SyntheticMedia.frame(i, luma));
        }
        List<Defect> found = SyntheticMedia.run(detector, frames, time(150));

        assertEquals(time(limit + 1), found.get(0).end(),
                "the freeze ends at the first picture further than the noise from the reference");
    }

    @Test
    void state_roundTripThroughJsonMidFreeze_givesSameDefects() {
        List<AnalysisFrame> frames = frozenBetween(250, 40, 120);
        List<Defect> whole = SyntheticMedia.run(detector, frames, time(250));

        List<Defect> split = SegmentRunner.inSegments(List.of(detector), frames, time(250), 60, 100);

        assertEquals(whole, split, "a freeze over two segment boundaries, state through JSON");
        assertTrue(!whole.isEmpty(), "the scenario has a freeze");
    }

    /** A picture's time as FfmpegMediaStream computes it from a 90 kHz timestamp, origin at timestamp 1920. */
    private static double decodedTime(long index) {
        double timeBase = 1.0 / 90_000;
        long origin = 1920;
        return (origin + index * 3600) * timeBase - origin * timeBase;
    }

    private static List<AnalysisFrame> noisyStill(int changedPixels) {
        List<AnalysisFrame> frames = new ArrayList<>();
        byte[] base = moving(0).luma();
        for (int i = 0; i < 100; i++) {
            byte[] luma = base.clone();
            if (i % 2 == 1) {
                for (int p = 0; p < changedPixels; p++) {
                    luma[p]++;
                }
            }
            frames.add(SyntheticMedia.frame(i, luma));
        }
        return frames;
    }
}
