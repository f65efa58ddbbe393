package avmon.core.detect;

import static avmon.core.detect.SyntheticMedia.flat;
import static avmon.core.detect.SyntheticMedia.moving;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.MediaSample;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamAnalyzerTest {

    private static final double SECONDS = 20;

    private final List<Detector<?>> detectors = DetectorSettings.DEFAULTS.detectors();

    /** Freeze [3, 6.2), black [9, 11.6), silence [12.5, 15), decoder errors [16, 17). */
    private static List<MediaSample> everyDefect() {
        List<AnalysisFrame> video = new ArrayList<>();
        for (int i = 0; i < SECONDS * SyntheticMedia.FPS; i++) {
            double t = SyntheticMedia.time(i);
            AnalysisFrame frame;
            if (t >= 3 && t < 6.2) {
                frame = SyntheticMedia.frame(i, moving(75).luma());
            } else if (t >= 9 && t < 11.6) {
                frame = flat(i, 16);
            } else {
                frame = moving(i);
            }
            video.add(t >= 16 && t < 17 ? SyntheticMedia.withErrors(frame) : frame);
        }
        return SyntheticMedia.interleave(video, SyntheticMedia.audio(SECONDS, t -> t < 12.5 || t >= 15, 0.3));
    }

    @Test
    void end_streamWithEveryDefect_reportsEachOnceByItsDetector() {
        List<Defect> found = SegmentRunner.whole(detectors, everyDefect(), SECONDS);

        Set<DefectType> types = found.stream().map(Defect::type).collect(Collectors.toSet());
        assertEquals(EnumSet.of(DefectType.FREEZE, DefectType.BLACK, DefectType.SILENCE, DefectType.BLOCK_CORRUPTION),
                types, () -> "types found: " + found);
        assertEquals(5, found.size(), () -> "freeze twice (the black range is static too), the rest once: " + found);
    }

    @Test
    void state_cutAtEverySecondWithJsonBetween_givesSameDefectsAsOnePiece() {
        List<MediaSample> samples = everyDefect();
        List<Defect> whole = SegmentRunner.whole(detectors, samples, SECONDS);

        for (int step : new int[] {1, 7, 40, 97}) {
            List<Integer> cuts = new ArrayList<>();
            for (int c = step; c < samples.size(); c += step) {
                cuts.add(c);
            }
            List<Defect> split = SegmentRunner.inSegments(detectors, samples, SECONDS,
                    cuts.stream().mapToInt(Integer::intValue).toArray());
            assertEquals(whole, split, "cut every " + step + " samples");
        }
    }

    @Test
    void accept_defectsReachListenerAsSoonAsComplete() {
        List<MediaSample> samples = everyDefect();
        List<Defect> found = new ArrayList<>();
        StreamAnalyzer analyzer = new StreamAnalyzer(detectors, found::add);
        samples.stream().filter(s -> s.time() < 7).forEach(analyzer::accept);

        assertEquals(1, found.size(), () -> "the freeze that ended at 6.2 s is out before the stream ends: " + found);
    }

    /** Records how pictures reach it; its state counts them. */
    private static final class BatchRecorder extends AbstractDetector<int[]> {
        final List<List<Long>> calls = new ArrayList<>();

        BatchRecorder() {
            super("recorder", int[].class, () -> new int[1]);
        }

        @Override
        public int frameBatch() {
            return 3;
        }

        @Override
        public int[] onFrame(int[] state, AnalysisFrame frame, java.util.function.Consumer<Defect> out) {
            return onFrames(state, List.of(frame), out);
        }

        @Override
        public int[] onFrames(int[] state, List<AnalysisFrame> frames, java.util.function.Consumer<Defect> out) {
            calls.add(frames.stream().map(AnalysisFrame::index).toList());
            state[0] += frames.size();
            return state;
        }
    }

    @Test
    void accept_batchingDetector_picturesHeldUntilTheBatchIsFull() {
        BatchRecorder recorder = new BatchRecorder();
        StreamAnalyzer analyzer = new StreamAnalyzer(List.of(recorder), defect -> { });
        for (int i = 0; i < 7; i++) {
            analyzer.accept(moving(i));
        }
        assertEquals(List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L)), recorder.calls,
                "two full batches of 3 in order; picture 6 is held");
    }

    @Test
    void state_batchingDetector_heldPicturesJudgedFirst() {
        BatchRecorder recorder = new BatchRecorder();
        StreamAnalyzer analyzer = new StreamAnalyzer(List.of(recorder), defect -> { });
        for (int i = 0; i < 4; i++) {
            analyzer.accept(moving(i));
        }
        int[] counted = (int[]) analyzer.state().get("recorder");

        assertEquals(4, counted[0], "a segment's state covers every picture accepted, also the one held");
        assertEquals(List.of(List.of(0L, 1L, 2L), List.of(3L)), recorder.calls, "the held picture alone, at the cut");
    }

    @Test
    void end_batchingDetector_heldPicturesJudgedBeforeTheEnd() {
        BatchRecorder recorder = new BatchRecorder();
        StreamAnalyzer analyzer = new StreamAnalyzer(List.of(recorder), defect -> { });
        analyzer.accept(moving(0));
        analyzer.accept(moving(1));
        analyzer.end(1);

        assertEquals(List.of(List.of(0L, 1L)), recorder.calls, "the two held pictures, before the stream ends");
    }

    @Test
    void fromJson_stateOfOtherDetectors_isRejected() {
        String json = AnalysisState.initial(detectors).toJson();
        List<Detector<?>> fewer = DetectorSettings.DEFAULTS.detectors(List.of("freeze", "black"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisState.fromJson(json, fewer));
        assertTrue(e.getMessage().contains("one state per detector"), () -> "message: " + e.getMessage());
    }

    @Test
    void fromJson_notJson_isRejectedWithClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisState.fromJson("{freeze:", detectors));
        assertTrue(e.getMessage().startsWith("analysis state is not valid JSON"), () -> "message: " + e.getMessage());
    }

    @Test
    void detectors_unknownName_listsKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DetectorSettings.DEFAULTS.detectors(List.of("freeze", "blurry")));
        assertTrue(e.getMessage().contains("blurry") && e.getMessage().contains("av_sync"),
                () -> "message: " + e.getMessage());
    }

    @Test
    void applicable_streamWithoutAudio_keepsVideoOnlyDetectors() {
        List<String> names = DetectorSettings.applicable(detectors, true, false).stream().map(Detector::name).toList();

        assertEquals(List.of("freeze", "black", "decoder_errors"), names, "silence and av_sync need audio");
    }
}
