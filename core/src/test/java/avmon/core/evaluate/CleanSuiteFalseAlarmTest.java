package avmon.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.blockiness.BlockinessFrameMetrics;
import avmon.core.blockiness.BlockinessMetric;
import avmon.core.blockiness.BlockinessScan;
import avmon.core.detect.DecoderErrorDetector;
import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaOptions;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import avmon.core.synth.StreamSuites;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small slice of the clean-long suite (every content kind, 3 s each at 320x180) through the block corruption
 * signals: the false-alarm check of {@code avmon generate --suite clean-long} + {@code avmon evaluate}, in little.
 */
class CleanSuiteFalseAlarmTest {

    @TempDir
    static Path streams;

    private static EvaluationReport report;

    @BeforeAll
    static void generateAndEvaluate() throws Exception {
        List<StreamSpec> slice = StreamSuites.cleanLong(5, 3.0).stream().map(s -> s.withSize(320, 180)).toList();
        new StreamGenerator().generateAll(slice, streams);
        CorruptionSignals signals = new CorruptionSignals(List.of(
                new CorruptionSignal.Detected("decoder_errors", DecoderErrorDetector.NAME),
                new CorruptionSignal.Thresholded("blockdetect", BlockinessFrameMetrics.PER_PICTURE, 2.0)),
                new BlockinessFrameMetrics(new BlockinessScan(new BlockinessMetric(BlockinessMetric.Settings.DEFAULTS))));
        report = new DirectoryEvaluator(DetectorSettings.DEFAULTS,
                source -> FfmpegMediaStream.open(source, MediaOptions.defaults()), new Evaluator(), signals)
                .evaluate(streams, line -> { });
    }

    @Test
    void evaluate_cleanSlice_decoderErrorsRaiseNoAlarm() {
        SignalScore decoder = report.signal("decoder_errors");

        assertEquals(12 * 75, decoder.frames(), "twelve streams of 75 pictures scored");
        assertEquals(0, decoder.corruptFrames(), "nothing is corrupted");
        assertEquals(0, decoder.flaggedFrames(), () -> "no picture flagged\n" + report.signalTable());
        assertEquals(0, decoder.falseAlarms(), () -> "no false alarm\n" + report.signalTable());
    }

    @Test
    void evaluate_cleanSlice_blockdetectUsesTheGivenThreshold() {
        SignalScore blockdetect = report.signal("blockdetect");

        assertTrue(blockdetect.available(), () -> "a given threshold needs no corrupted pictures: " + blockdetect.note());
        assertEquals(2.0, blockdetect.threshold(), "the given threshold, not a best one (a clean set has none)");
        assertEquals(0, blockdetect.corruptFrames(), "nothing is corrupted");
    }

    @Test
    void evaluate_stillContent_freezeAndBlackAreInTheTruthNotFalseDetections() {
        for (DefectType type : List.of(DefectType.FREEZE, DefectType.BLACK)) {
            TypeScore score = report.type(type);
            assertTrue(score.truths() > 0, () -> type + ": the flat and black streams are still throughout");
            assertEquals(1.0, score.precision(), () -> type + " precision\n" + report.toTable());
            assertEquals(1.0, score.recall(), () -> type + " recall\n" + report.toTable());
        }
    }
}
