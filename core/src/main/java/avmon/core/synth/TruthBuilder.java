package avmon.core.synth;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.evaluate.GroundTruth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes down what was injected, in the terms of {@code docs/ground-truth.md}: times snapped to the pictures
 * or samples the defect really covers, freeze listed for black too, the 2-second minimum of the freeze,
 * black and silence detectors, and an open end ({@code null}) for a defect that runs to the end. Flat and
 * black shots are a freeze (and black) as the detectors see them; scene cuts are no defect.
 */
final class TruthBuilder {

    /** FFmpeg's default minimum duration for freeze, black and silence. */
    static final double MIN_DURATION = 2.0;
    private static final double EPSILON = 1e-6;

    private final InjectionPlan plan;
    private final StreamSpec spec;
    private final double audioDelay;

    /**
     * @param audioDelay seconds between stream time 0 and the first real audio sample: 0 with video (stream
     *                   time starts at the first picture, in step with the audio), the AAC encoder's priming
     *                   without video (stream time then starts at the first decoded sample, which is priming)
     */
    TruthBuilder(InjectionPlan plan, double audioDelay) {
        this.plan = plan;
        this.spec = plan.spec();
        this.audioDelay = audioDelay;
    }

    GroundTruth build(List<CorruptionTruth.DamagedRun> damage) {
        List<Defect> defects = new ArrayList<>();
        if (spec.video()) {
            for (Shot shot : plan.shots()) {
                if (shot.still()) {
                    stillShot(shot, defects);
                }
            }
        }
        for (InjectedDefect d : plan.defects(DefectType.FREEZE)) {
            if (!insideStillShot(d)) {
                pictureRange(DefectType.FREEZE, d, defects);
            }
        }
        for (InjectedDefect d : plan.defects(DefectType.BLACK)) {
            if (!insideStillShot(d)) {
                pictureRange(DefectType.BLACK, d, defects);
                pictureRange(DefectType.FREEZE, d, defects);
            }
        }
        for (InjectedDefect d : plan.defects(DefectType.SILENCE)) {
            silence(d, defects);
        }
        for (InjectedDefect d : plan.defects(DefectType.AV_SYNC)) {
            avSync(d, defects);
        }
        for (CorruptionTruth.DamagedRun run : damage) {
            defects.add(new Defect(DefectType.BLOCK_CORRUPTION, round(plan.frameTime(run.firstFrame())),
                    run.endFrame() < 0 ? null : round(plan.frameTime(run.endFrame())), null, null));
        }
        defects.sort(Comparator.comparingDouble(Defect::start).thenComparing(Defect::type));
        List<Double> cuts = plan.shots().stream().skip(1)
                .map(shot -> round(plan.frameTime(shot.firstFrame()))).toList();
        return new GroundTruth(spec.id(), spec.seed(), round(spec.frameCount() / spec.frameRate()), spec.frameRate(),
                spec.segmentDuration(), spec.video(), spec.audio(), spec.syncPattern(), defects, cuts);
    }

    /**
     * A shot that never moves (a flat slate, black), from the start or from a cut: the detectors rightly see one
     * freeze, and for black also black, from its first picture. The freeze has no end when the shot runs to the end
     * of the input; black ends at the end of the shot's last picture. A scene cut itself is no defect, so a moving
     * shot adds nothing.
     */
    private void stillShot(Shot shot, List<Defect> out) {
        double start = round(plan.frameTime(shot.firstFrame()));
        double end = round(plan.frameTime(shot.endFrame()));
        if (end - start < MIN_DURATION - EPSILON) {
            return;
        }
        boolean toEnd = shot.endFrame() >= spec.frameCount();
        out.add(new Defect(DefectType.FREEZE, start, toEnd ? null : end, null, null));
        if (shot.content() == PictureContent.BLACK) {
            out.add(new Defect(DefectType.BLACK, start, end, null, null));
        }
    }

    /** Freeze or black injected into a still shot shows nothing more ({@link StreamSpec} allows no partial overlap). */
    private boolean insideStillShot(InjectedDefect d) {
        int first = plan.firstFrameAtOrAfter(d.start());
        int end = plan.firstFrameAtOrAfter(d.end());
        return spec.video() && plan.shots().stream().anyMatch(shot -> shot.still() && shot.contains(first, end));
    }

    private void pictureRange(DefectType type, InjectedDefect d, List<Defect> out) {
        int first = plan.firstFrameAtOrAfter(d.start());
        int end = plan.firstFrameAtOrAfter(d.end());
        boolean toEnd = end >= spec.frameCount();
        double length = plan.frameTime(Math.min(end, spec.frameCount())) - plan.frameTime(first);
        if (length >= MIN_DURATION - EPSILON) {
            out.add(new Defect(type, round(plan.frameTime(first)), toEnd ? null : round(plan.frameTime(end)), null,
                    null));
        }
    }

    private void silence(InjectedDefect d, List<Defect> out) {
        long total = plan.firstSampleAtOrAfter(spec.frameCount() / spec.frameRate());
        long first = plan.firstSampleAtOrAfter(d.start());
        long end = plan.firstSampleAtOrAfter(d.end());
        double rate = plan.sampleRate();
        if ((Math.min(end, total) - first) / rate >= MIN_DURATION - EPSILON) {
            out.add(new Defect(DefectType.SILENCE, round(audioDelay + first / rate),
                    end >= total ? null : round(audioDelay + end / rate), null, null));
        }
    }

    /** From the first flash whose beep is shifted to the first flash after the range (in sync again). */
    private void avSync(InjectedDefect d, List<Defect> out) {
        int flashes = plan.flashCount();
        int k = 0;
        while (k < flashes && !d.covers(plan.frameTime(plan.flashFrame(k)))) {
            k++;
        }
        if (k == flashes) {
            return;
        }
        double start = plan.frameTime(plan.flashFrame(k));
        while (k < flashes && d.covers(plan.frameTime(plan.flashFrame(k)))) {
            k++;
        }
        Double end = k < flashes ? round(plan.frameTime(plan.flashFrame(k))) : null;
        out.add(new Defect(DefectType.AV_SYNC, round(start), end, d.value(), null));
    }

    /** Times to the microsecond, so 0.1 * 3 is written as 0.3. */
    private static double round(double t) {
        return Math.round(t * 1e6) / 1e6;
    }
}
