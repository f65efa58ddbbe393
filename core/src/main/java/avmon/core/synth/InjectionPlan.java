package avmon.core.synth;

import avmon.core.detect.DefectType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What every picture and every audio sample of a stream shows once the defects are applied: which content
 * picture of which shot (a freeze repeats one), black, the sync flash, silent samples, and when each beep starts.
 *
 * <p>Defect times snap to the grid they act on: a picture belongs to a range when its time
 * {@code i / frameRate} lies in {@code [start, end)}, a sample when {@code k / sampleRate} does.
 */
final class InjectionPlan {

    /** How long the sync flash stays on the picture. */
    static final double FLASH_SECONDS = 0.1;
    /** How long a sync beep lasts. */
    static final double BEEP_SECONDS = 0.1;

    private final StreamSpec spec;
    private final int sampleRate;
    private final Map<DefectType, List<InjectedDefect>> byType = new EnumMap<>(DefectType.class);
    private final List<Shot> shots;

    InjectionPlan(StreamSpec spec, int sampleRate) {
        this.spec = spec;
        this.sampleRate = sampleRate;
        this.shots = spec.shots();
        for (DefectType type : DefectType.values()) {
            byType.put(type, spec.defects(type));
        }
    }

    StreamSpec spec() {
        return spec;
    }

    double frameTime(int frame) {
        return frame / spec.frameRate();
    }

    /** First picture whose time is at or after {@code t}. */
    int firstFrameAtOrAfter(double t) {
        return spec.frameAtOrAfter(t);
    }

    /** The shots between scene cuts, in order (one without cuts). */
    List<Shot> shots() {
        return shots;
    }

    /** The shot content picture {@code contentFrame} is drawn from. */
    Shot shotOf(int contentFrame) {
        for (Shot shot : shots) {
            if (shot.covers(contentFrame)) {
                return shot;
            }
        }
        throw new IllegalArgumentException("picture " + contentFrame + " is outside the stream");
    }

    /** The content picture shown as picture {@code frame}: a freeze keeps showing its first picture. */
    int contentFrame(int frame) {
        for (InjectedDefect d : byType.get(DefectType.FREEZE)) {
            int first = firstFrameAtOrAfter(d.start());
            if (frame >= first && frame < firstFrameAtOrAfter(d.end())) {
                return first;
            }
        }
        return frame;
    }

    boolean black(int frame) {
        return inRange(DefectType.BLACK, frame);
    }

    boolean frozen(int frame) {
        return inRange(DefectType.FREEZE, frame);
    }

    private boolean inRange(DefectType type, int frame) {
        for (InjectedDefect d : byType.get(type)) {
            if (frame >= firstFrameAtOrAfter(d.start()) && frame < firstFrameAtOrAfter(d.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether picture {@code frame} is encoded as a keyframe: at the encoding's keyframe interval, once a second
     * by default (segments start on one, and damage ends at the next), and on the first picture of a freeze or
     * black stretch, so the still picture is coded once as a keyframe and every later keyframe of it decodes to
     * the very same picture.
     */
    boolean keyframe(int frame) {
        if (frame % spec.encoding().keyframeInterval(spec.frameRate()) == 0) {
            return true;
        }
        for (DefectType type : List.of(DefectType.FREEZE, DefectType.BLACK)) {
            for (InjectedDefect d : byType.get(type)) {
                if (frame == firstFrameAtOrAfter(d.start())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Picture of the k-th sync flash: the first picture at or after k + 0.5 s. */
    int flashFrame(int k) {
        return firstFrameAtOrAfter(k + 0.5);
    }

    /** Number of sync flashes that start inside the stream. */
    int flashCount() {
        int k = 0;
        while (flashFrame(k) < spec.frameCount()) {
            k++;
        }
        return k;
    }

    /** Whether flash k is shown: not on a frozen or black stretch, which must stay frozen or black. */
    boolean flashShown(int k) {
        int first = flashFrame(k);
        int last = firstFrameAtOrAfter(frameTime(first) + FLASH_SECONDS) - 1;
        for (int f = first; f <= last; f++) {
            if (frozen(f) || black(f)) {
                return false;
            }
        }
        return true;
    }

    /** Whether picture {@code frame} is part of a shown sync flash. */
    boolean flash(int frame) {
        if (!spec.syncPattern()) {
            return false;
        }
        int k = (int) Math.floor(frameTime(frame) - 0.5 + 1e-9);
        if (k < 0) {
            return false;
        }
        int first = flashFrame(k);
        return frame >= first && frameTime(frame) < frameTime(first) + FLASH_SECONDS - 1e-9 && flashShown(k);
    }

    /** A/V offset applied to beep k (audio minus video), 0 when it is in sync. */
    double beepOffset(int k) {
        double flashTime = frameTime(flashFrame(k));
        for (InjectedDefect d : byType.get(DefectType.AV_SYNC)) {
            if (d.covers(flashTime)) {
                return d.value();
            }
        }
        return 0;
    }

    /** First sample of beep k, or -1 when the beep is left out with its flash. */
    long beepStartSample(int k) {
        if (!spec.syncPattern() || (spec.video() && !flashShown(k))) {
            return -1;
        }
        return Math.round((frameTime(flashFrame(k)) + beepOffset(k)) * sampleRate);
    }

    /** First sample whose time is at or after {@code t}. */
    long firstSampleAtOrAfter(double t) {
        return (long) Math.ceil(t * sampleRate - 1e-9);
    }

    boolean silent(long sample) {
        for (InjectedDefect d : byType.get(DefectType.SILENCE)) {
            if (sample >= firstSampleAtOrAfter(d.start()) && sample < firstSampleAtOrAfter(d.end())) {
                return true;
            }
        }
        return false;
    }

    List<InjectedDefect> defects(DefectType type) {
        return byType.get(type);
    }

    int sampleRate() {
        return sampleRate;
    }
}
