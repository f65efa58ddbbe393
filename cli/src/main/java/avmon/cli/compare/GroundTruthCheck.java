package avmon.cli.compare;

import avmon.cli.model.MeasuredRun.DetectionCheck;
import avmon.core.detect.AvSyncDetector;
import avmon.core.detect.BlackDetector;
import avmon.core.detect.DecoderErrorDetector;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.detect.FreezeDetector;
import avmon.core.detect.SilenceDetector;
import avmon.core.evaluate.Evaluator;
import avmon.core.evaluate.GroundTruth;
import avmon.core.evaluate.StreamScore;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what one design reported for one stream against the stream's ground truth, with the project's
 * {@link Evaluator} (same type, overlapping time). Only the defects the chosen detectors can find are
 * expected: a run with {@code --detectors freeze} is not blamed for the silence it was not asked to look for.
 */
public final class GroundTruthCheck {

    /** The defect type each detector reports. */
    private static final Map<String, DefectType> FINDS = Map.of(
            FreezeDetector.NAME, DefectType.FREEZE,
            BlackDetector.NAME, DefectType.BLACK,
            SilenceDetector.NAME, DefectType.SILENCE,
            AvSyncDetector.NAME, DefectType.AV_SYNC,
            DecoderErrorDetector.NAME, DefectType.BLOCK_CORRUPTION);

    private final Set<DefectType> findable;
    private final Evaluator evaluator = new Evaluator();

    /** @param detectors the detectors both designs ran */
    public GroundTruthCheck(Collection<String> detectors) {
        this.findable = detectors.stream().map(FINDS::get).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The check of one design on one stream.
     *
     * @param reported what the design reported for the stream
     * @param failure  why the design did not run the stream to its end, or {@code null}
     */
    public DetectionCheck check(String design, GroundTruth truth, List<Defect> reported, String failure) {
        GroundTruth expected = new GroundTruth(truth.streamId(), truth.seed(), truth.duration(), truth.frameRate(),
                truth.segmentDuration(), truth.hasVideo(), truth.hasAudio(), truth.syncPattern(),
                truth.defects().stream().filter(d -> findable.contains(d.type())).toList());
        StreamScore score = evaluator.score(expected, reported);
        return new DetectionCheck(design, truth.streamId(), names(expected.defects()), names(score.missed()),
                names(score.falseDetections()), failure);
    }

    /** Whether two designs' reports of a stream are the same defects at the same times. */
    public static boolean same(List<Defect> a, List<Defect> b) {
        return names(a).stream().sorted().toList().equals(names(b).stream().sorted().toList());
    }

    /** The matches' timing is the evaluator's business; here a defect is named by type, start and length. */
    static List<String> names(List<Defect> defects) {
        return defects.stream().map(GroundTruthCheck::name).toList();
    }

    /** {@code freeze@1.52+3.00}; a defect still open at the end of the stream is {@code freeze@1.52+open}. */
    static String name(Defect d) {
        return String.format(Locale.ROOT, "%s@%.2f+%s", d.type().jsonName(), d.start(),
                d.end() == null ? "open" : String.format(Locale.ROOT, "%.2f", d.end() - d.start()));
    }
}
