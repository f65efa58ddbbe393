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
 * black and silence detectors, and an open end ({@code null}) for a defect that runs to the end.
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
        if (stillContent()) {
            stillThroughout(defects);
        } else {
            for (InjectedDefect d : plan.defects(DefectType.FREEZE)) {
                pictureRange(DefectType.FREEZE, d, defects);
            }
            for (InjectedDefect d : plan.defects(DefectType.BLACK)) {
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
        return new GroundTruth(spec.id(), spec.seed(), round(spec.frameCount() / spec.frameRate()),
                spec.frameRate(), spec.segmentDuration(), spec.video(), spec.audio(), spec.syncPattern(), defects);
    }

    /** Pictures that never move (a flat slate, black): the detectors rightly see one freeze, or black, throughout. */
    private boolean stillContent() {
        return spec.video() && (spec.content() == PictureContent.FLAT || spec.content() == PictureContent.BLACK);
    }

    /**
     * A freeze from the first picture with no end (it runs to the end of the input), and for black content black
     * from the first picture to the end of the last; injected freeze and black lie inside and add nothing.
     */
    private void stillThroughout(List<Defect> out) {
        double end = round(plan.frameTime(spec.frameCount()));
        if (end < MIN_DURATION - EPSILON) {
            return;
        }
        out.add(new Defect(DefectType.FREEZE, 0.0, null, null, null));
        if (spec.content() == PictureContent.BLACK) {
            out.add(new Defect(DefectType.BLACK, 0.0, end, null, null));
        }
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
