package avmon.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.AnalysisState;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSuites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detectors on real decoded streams: the generator's small suite (320x180, 8 s, every defect type,
 * defects across segment boundaries, a clean stream), scored against its ground truth with the acceptance
 * tolerances of issue 2, and analysed segment by segment against the whole playlist.
 */
class GeneratedSuiteTest {

    private static final double FRAME = 1 / 25.0;
    private static final double SLACK = 1e-6;

    @TempDir
    static Path streams;

    private static EvaluationReport report;

    @BeforeAll
    static void generateAndEvaluate() throws IOException {
        new StreamGenerator().generateAll(StreamSuites.small(11), streams);
        report = new DirectoryEvaluator(DetectorSettings.DEFAULTS,
                source -> FfmpegMediaStream.open(source, MediaOptions.defaults()), new Evaluator())
                .evaluate(streams, line -> { });
    }

    @Test
    void evaluate_smallSuite_readsEveryStream() {
        assertEquals(List.of(), report.failures(), "every generated stream decodes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"freeze", "black", "silence", "block_corruption", "av_sync"})
    void evaluate_smallSuite_findsEveryDefectAndNothingElse(String typeName) {
        TypeScore score = report.type(DefectType.fromJson(typeName));

        assertTrue(score.truths() > 0, () -> "the suite has " + typeName + " defects");
        assertEquals(1.0, score.precision(), () -> typeName + " precision\n" + report.toTable());
        assertEquals(1.0, score.recall(), () -> typeName + " recall\n" + report.toTable());
    }

    @Test
    void evaluate_freezeAndBlack_boundariesWithinOneFrame() {
        for (DefectType type : List.of(DefectType.FREEZE, DefectType.BLACK)) {
            TypeScore score = report.type(type);
            assertTrue(score.startError().maxAbs() <= FRAME + SLACK, () -> type + " start\n" + report.toTable());
            assertTrue(score.endError().maxAbs() <= FRAME + SLACK, () -> type + " end\n" + report.toTable());
        }
    }

    @Test
    void evaluate_silence_boundariesWithin25Milliseconds() {
        TypeScore score = report.type(DefectType.SILENCE);

        assertTrue(score.startError().maxAbs() <= 0.025, () -> "silence start\n" + report.toTable());
        assertTrue(score.endError().maxAbs() <= 0.025, () -> "silence end\n" + report.toTable());
    }

    @Test
    void evaluate_avSync_offsetWithin20MillisecondsAndBoundsOnFlashes() {
        TypeScore score = report.type(DefectType.AV_SYNC);

        assertTrue(score.valueError().maxAbs() <= 0.020, () -> "A/V offset\n" + report.toTable());
        assertTrue(score.startError().maxAbs() <= SLACK, () -> "starts on the first shifted flash\n" + report.toTable());
        assertTrue(score.endError().maxAbs() <= SLACK, () -> "ends on the first flash in sync\n" + report.toTable());
    }

    @Test
    void evaluate_blockCorruption_boundariesWithinOneFrame() {
        TypeScore score = report.type(DefectType.BLOCK_CORRUPTION);

        assertTrue(score.startError().maxAbs() <= FRAME + SLACK, () -> "corruption start\n" + report.toTable());
        // The decoder stops reporting when the damaged packets end; the run is held open to the next clean
        // keyframe, where the picture heals (DecoderErrorDetector's rule), so the end is on time too.
        assertTrue(score.endError().maxAbs() <= FRAME + SLACK, () -> "corruption end\n" + report.toTable());
    }

    @Test
    void evaluate_decoderErrorSignal_flagsExactlyTheCorruptedPictures() {
        SignalScore signal = report.signal("decoder_errors");

        assertTrue(signal.corruptFrames() > 0, "the suite has corrupted pictures");
        assertEquals(1.0, signal.framePrecision(), () -> "picture precision\n" + report.signalTable());
        assertEquals(1.0, signal.frameRecall(), () -> "picture recall\n" + report.signalTable());
        assertEquals(0, signal.falseAlarms(), () -> "no false alarm\n" + report.signalTable());
    }

    @Test
    void evaluate_cleanStream_hasNoDefects() {
        StreamScore clean = report.streams().stream().filter(s -> s.streamId().equals("clean")).findFirst()
                .orElseThrow();

        assertEquals(List.of(), clean.falseDetections(), "nothing wrong with a clean stream");
    }

    @ParameterizedTest
    @ValueSource(strings = {"freeze", "black", "silence", "corruption", "av-sync", "clean"})
    void analyse_segmentBySegmentWithJsonState_equalsWholePlaylist(String id) throws Exception {
        Path dir = streams.resolve(id);
        List<Detector<?>> detectors = DetectorSettings.DEFAULTS.detectors();

        List<Defect> whole = new ArrayList<>();
        try (FfmpegMediaStream stream = FfmpegMediaStream.open(dir.resolve("index.m3u8").toString(),
                MediaOptions.defaults())) {
            new StreamAnalyzer(detectors, whole::add).run(stream);
        }
        List<Defect> bySegment = analyseSegments(dir, detectors);

        assertEquals(whole, bySegment, id + ": defects of the whole playlist and of its segments one by one");
        assertEquals(!id.equals("clean"), !whole.isEmpty(), id + ": defects found exactly when injected");
    }

    /** Opens each segment on its own, as a Lambda would, with the detectors' state carried as JSON. */
    private static List<Defect> analyseSegments(Path dir, List<Detector<?>> detectors)
            throws IOException, MediaException {
        List<Path> segments = Files.readAllLines(dir.resolve("index.m3u8")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(dir::resolve).toList();
        List<Defect> found = new ArrayList<>();
        String state = AnalysisState.initial(detectors).toJson();
        Double origin = null;
        for (int i = 0; i < segments.size(); i++) {
            MediaOptions options = MediaOptions.defaults().withStreamOrigin(origin);
            try (FfmpegMediaStream stream = FfmpegMediaStream.open(segments.get(i).toString(), options)) {
                origin = stream.origin();
                StreamAnalyzer analyzer = new StreamAnalyzer(detectors, AnalysisState.fromJson(state, detectors),
                        found::add);
                analyzer.analyse(stream);
                if (i == segments.size() - 1) {
                    analyzer.end(stream.endTime());
                }
                state = analyzer.state().toJson();
            }
        }
        return found;
    }
}
