package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import avmon.core.detect.AnalysisState;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed model through the detector interface, on 720p streams it was not trained on. */
class CorruptionModelDetectorTest {

    /**
     * Moving patterns (test recall 0.88 in the committed model's training report); moving texture, the
     * generator's default content, in {@link #onFrame_corruptedTexture_found()} (test recall 0.72).
     */
    private static final StreamSpec BASE = StreamSpec.of("base", 4242).withDuration(3).videoOnly()
            .withContent(PictureContent.PATTERNS);

    @TempDir
    static Path dir;
    static GeneratedStream corrupted;
    static GeneratedStream clean;
    static List<AnalysisFrame> corruptedFrames;
    static List<AnalysisFrame> cleanFrames;

    @BeforeAll
    static void generate() throws IOException, MediaException {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        StreamGenerator generator = new StreamGenerator();
        corrupted = generator.generate(BASE.withId("corrupted")
                .with(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 1.2, 0.3)), dir);
        clean = generator.generate(BASE.withId("clean"), dir);
        corruptedFrames = frames(corrupted);
        cleanFrames = frames(clean);
    }

    private static List<AnalysisFrame> frames(GeneratedStream stream) throws MediaException {
        List<AnalysisFrame> frames = new ArrayList<>();
        ModelDescription d = CorruptionModel.shared().description();
        try (MediaStream media = FfmpegMediaStream.open(stream.playlist().toString(),
                MediaOptions.defaults().withThumbnailSize(d.inputWidth(), d.inputHeight()).withAudio(false))) {
            for (MediaSample s = media.next(); s != null; s = media.next()) {
                frames.add((AnalysisFrame) s);
            }
        }
        return frames;
    }

    private static List<Detector<?>> detectors() {
        return DetectorSettings.DEFAULTS.detectors(List.of(CorruptionModelDetector.NAME));
    }

    private static List<Defect> whole(List<AnalysisFrame> frames, double end) {
        List<Defect> found = new ArrayList<>();
        StreamAnalyzer analyzer = new StreamAnalyzer(detectors(), found::add);
        frames.forEach(analyzer::accept);
        analyzer.end(end);
        return found;
    }

    @Test
    void detectors_byName_theModelDetectorOfTheSharedModel() {
        Detector<?> detector = detectors().get(0);
        assertTrue(detector instanceof CorruptionModelDetector, "corruption_model names the model detector");
        assertFalse(DetectorSettings.NAMES.contains(CorruptionModelDetector.NAME),
                "the model is not among the default detectors, which run without PyTorch");
    }

    @Test
    void onFrame_corruptedStream_findsTheCorruption() {
        List<Defect> found = whole(corruptedFrames, corrupted.truth().duration());
        Defect truth = corrupted.truth().defects().get(0);
        assertEquals(1, found.size(), "one corruption in " + corrupted.truth().defects() + ", found " + found);
        Defect d = found.get(0);
        assertEquals(DefectType.BLOCK_CORRUPTION, d.type(), "type");
        assertEquals(CorruptionModelDetector.NAME, d.detector(), "reported by the model detector");
        assertTrue(d.start() < truth.end() && (d.end() == null || d.end() > truth.start()),
                "overlaps the true corruption " + truth + ": " + d);
    }

    @Test
    void onFrame_corruptedStream_startsWithinThreePictures() {
        Defect truth = corrupted.truth().defects().get(0);
        Defect d = whole(corruptedFrames, corrupted.truth().duration()).get(0);
        assertTrue(Math.abs(d.start() - truth.start()) <= 3 / 25.0 + 1e-9,
                "starts within 3 pictures of " + truth.start() + ": " + d.start());
    }

    @Test
    void onFrame_corruptedTexture_found() throws IOException, MediaException {
        GeneratedStream texture = new StreamGenerator().generate(BASE.withId("texture").withContent(PictureContent.TEXTURE)
                .with(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 1.2, 0.3)), dir);
        assertEquals(1, whole(frames(texture), texture.truth().duration()).size(), "the corruption on moving texture");
    }

    @Test
    void onFrame_frozenTexture_nothing() throws IOException, MediaException {
        // The first stream of the freezes suite (seed 42 + 1), cut short: the committed model gives its frozen
        // picture about 0.8 throughout the freeze.
        GeneratedStream frozen = new StreamGenerator().generate(StreamSpec.of("frozen", 43).withDuration(5).videoOnly()
                .withContent(PictureContent.TEXTURE).with(InjectedDefect.of(DefectType.FREEZE, 1.44, 3.2)), dir);
        List<AnalysisFrame> frames = frames(frozen);

        assertEquals(List.of(), whole(frames, 5), "a freeze is not block corruption");
        CorruptionModelDetector withoutStillRule = new CorruptionModelDetector(CorruptionModel.shared(),
                new CorruptionModelDetector.Settings(3, 0.6, 0));
        List<Defect> found = new ArrayList<>();
        StreamAnalyzer analyzer = new StreamAnalyzer(List.of(withoutStillRule), found::add);
        frames.forEach(analyzer::accept);
        analyzer.end(5);
        assertFalse(found.isEmpty(), "without the still rule the frozen picture reads as corruption");
    }

    @Test
    void onFrame_cleanStream_nothing() {
        assertEquals(List.of(), whole(cleanFrames, clean.truth().duration()), "no corruption in a clean stream");
    }

    @Test
    void onFrame_segmentsWithStateThroughJson_sameDefectsAsOnePiece() {
        double end = corrupted.truth().duration();
        List<Detector<?>> detectors = detectors();
        List<Defect> found = new ArrayList<>();
        String json = AnalysisState.initial(detectors).toJson();
        // Cuts inside the corruption (pictures 31 and 33) and outside it.
        int[] cuts = {20, 31, 33, corruptedFrames.size()};
        int from = 0;
        for (int to : cuts) {
            StreamAnalyzer analyzer = new StreamAnalyzer(detectors, AnalysisState.fromJson(json, detectors), found::add);
            corruptedFrames.subList(from, to).forEach(analyzer::accept);
            if (to == corruptedFrames.size()) {
                analyzer.end(end);
            }
            json = analyzer.state().toJson();
            from = to;
        }
        assertEquals(whole(corruptedFrames, end), found, "segments with the state in JSON between them");
    }

    @Test
    void onFrames_batchesOfEight_sameDefectsAsOnePictureAtATime() {
        CorruptionModelDetector detector = (CorruptionModelDetector) detectors().get(0);
        double end = corrupted.truth().duration();
        List<Defect> single = new ArrayList<>();
        CorruptionModelDetector.State state = detector.initialState();
        for (AnalysisFrame frame : corruptedFrames) {
            state = detector.onFrame(state, frame, single::add);
        }
        detector.onEnd(state, end, single::add);

        assertEquals(CorruptionModelDetector.BATCH, detector.frameBatch(), "the analyzer batches this detector");
        assertFalse(single.isEmpty(), "the corruption is found one picture at a time");
        assertEquals(single, whole(corruptedFrames, end), "the analyzer's batches give the same defects");
    }

    @Test
    void resample_largerFrame_pointSampledToTheModelSize() {
        byte[] luma = new byte[4 * 2];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) i;
        }
        AnalysisFrame frame = new AnalysisFrame(0, 0, 4, 2, luma, List.of());
        byte[] small = CorruptionModelDetector.resample(frame, 2, 1);
        assertEquals(2, small.length, "2x1 pixels");
        assertEquals(5, small[0], "the pixel at the middle of the first 2x2 area (column 1, row 1)");
        assertEquals(7, small[1], "the pixel at the middle of the second 2x2 area (column 3, row 1)");
    }

    @Test
    void resample_smallerFrame_refusedNamingTheSizeNeeded() {
        AnalysisFrame frame = new AnalysisFrame(0, 0, 2, 1, new byte[2], List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CorruptionModelDetector.resample(frame, 4, 2), "a smaller picture is not blown up");
        assertTrue(e.getMessage().contains("4x2"), "names the size needed: " + e.getMessage());
    }
}
