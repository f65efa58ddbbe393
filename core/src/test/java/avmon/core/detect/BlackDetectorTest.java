package avmon.core.detect;

import static avmon.core.detect.SyntheticMedia.flat;
import static avmon.core.detect.SyntheticMedia.moving;
import static avmon.core.detect.SyntheticMedia.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import avmon.core.media.AnalysisFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class BlackDetectorTest {

    private final BlackDetector detector = new BlackDetector(BlackDetector.Settings.DEFAULTS);

    private static List<AnalysisFrame> frames(int count, int from, int to, IntFunction<AnalysisFrame> inside) {
        List<AnalysisFrame> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(i >= from && i < to ? inside.apply(i) : moving(i));
        }
        return list;
    }

    @Test
    void onFrame_blackForTwoAndAHalfSeconds_reportsFirstBlackToFirstNonBlack() {
        List<Defect> found = SyntheticMedia.run(detector, frames(200, 30, 93, i -> flat(i, 16)), time(200));

        assertEquals(List.of(new Defect(DefectType.BLACK, time(30), time(93), null, "black")), found,
                "black from the first black picture to the first picture with content");
    }

    @Test
    void blackLuma_limitedRange_isFfmpegsTruncatedThreshold() {
        assertEquals(37, BlackDetector.Settings.DEFAULTS.blackLuma(), "16 + 0.1 * 219 = 37.9, truncated");
    }

    @Test
    void onFrame_lumaAtThreshold_isBlack() {
        List<Defect> found = SyntheticMedia.run(detector, frames(200, 30, 93, i -> flat(i, 37)), time(200));

        assertEquals(1, found.size(), () -> "luma 37 is at the threshold, so black: " + found);
    }

    @Test
    void onFrame_lumaOneAboveThreshold_isNotBlack() {
        List<Defect> found = SyntheticMedia.run(detector, frames(200, 30, 93, i -> flat(i, 38)), time(200));

        assertEquals(List.of(), found, "luma 38 is above the threshold");
    }

    @Test
    void onFrame_ninetyEightPercentBlackPixels_isBlack() {
        List<Defect> found = SyntheticMedia.run(detector,
                frames(200, 30, 93, i -> withBrightPixels(i, brightPixelsFor(0.98))), time(200));

        assertEquals(1, found.size(), () -> "98% black pixels meets pic_th: " + found);
    }

    @Test
    void onFrame_justUnderNinetyEightPercentBlackPixels_isNotBlack() {
        List<Defect> found = SyntheticMedia.run(detector,
                frames(200, 30, 93, i -> withBrightPixels(i, brightPixelsFor(0.98) + 1)), time(200));

        assertEquals(List.of(), found, "fewer than 98% black pixels is a picture, not black");
    }

    @Test
    void onFrame_blackShorterThanMinDuration_reportsNothing() {
        List<Defect> found = SyntheticMedia.run(detector, frames(200, 30, 79, i -> flat(i, 16)), time(200));

        assertEquals(List.of(), found, "1.96 s of black is below the 2 s minimum");
    }

    @Test
    void onFrame_blackForMinDurationBetweenDecodedTimes_reportsIt() {
        // Pictures 371 to 420 black, with the times the decoder gives them (90 kHz timestamps from 1920 on):
        // 16.84 - 14.840000000000002 is 1.9999999999999982, a black run of exactly 2 s.
        List<AnalysisFrame> frames = new ArrayList<>();
        for (AnalysisFrame f : frames(450, 371, 421, i -> flat(i, 16))) {
            frames.add(new AnalysisFrame(f.index(), decodedTime(f.index()), f.width(), f.height(), f.luma(), List.of()));
        }

        List<Defect> found = SyntheticMedia.run(detector, frames, decodedTime(450));

        assertEquals(List.of(new Defect(DefectType.BLACK, decodedTime(371), decodedTime(421), null, "black")), found,
                "a black run from 14.84 to 16.84 s meets the 2 s minimum");
    }

    /** A picture's time as FfmpegMediaStream computes it from a 90 kHz timestamp, origin at timestamp 1920. */
    private static double decodedTime(long index) {
        double timeBase = 1.0 / 90_000;
        long origin = 1920;
        return (origin + index * 3600) * timeBase - origin * timeBase;
    }

    @Test
    void onEnd_blackUntilEndOfInput_endsAtEndOfInput() {
        List<Defect> found = SyntheticMedia.run(detector, frames(150, 90, 150, i -> flat(i, 16)), time(150));

        assertEquals(List.of(new Defect(DefectType.BLACK, time(90), time(150), null, "black")), found,
                "black running to the end ends at the end of the input, as FFmpeg reports it");
    }

    @Test
    void state_roundTripThroughJsonMidBlack_givesSameDefects() {
        List<AnalysisFrame> frames = frames(250, 45, 110, i -> flat(i, 20));
        List<Defect> whole = SyntheticMedia.run(detector, frames, time(250));

        List<Defect> split = SegmentRunner.inSegments(List.of(detector), frames, time(250), 50, 100);

        assertEquals(whole, split, "a black run over two segment boundaries, state through JSON");
        assertEquals(1, whole.size(), "the scenario has one black run");
    }

    /** Pixels that must be bright so that exactly {@code blackShare} of the picture stays black. */
    private static int brightPixelsFor(double blackShare) {
        int pixels = SyntheticMedia.WIDTH * SyntheticMedia.HEIGHT;
        return pixels - (int) Math.ceil(blackShare * pixels);
    }

    private static AnalysisFrame withBrightPixels(int index, int bright) {
        byte[] luma = flat(index, 16).luma();
        for (int p = 0; p < bright; p++) {
            luma[p] = (byte) 200;
        }
        return SyntheticMedia.frame(index, luma);
    }
}
