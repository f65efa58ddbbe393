package avmon.core.corruption.train;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.ArrayList;
import java.util.List;

/** Small labelled streams for the tests of scoring and threshold choice, with no pictures worth looking at. */
final class TestStreams {

    private TestStreams() {
    }

    /**
     * Ten blank 8x8 pictures at 25 a second, keyframes at 0 and 8; corrupted from picture {@code first} to before
     * the keyframe at 8 when given, clean when {@code null}.
     */
    static LabelledStream tenPictures(String id, Split split, Integer first) {
        int n = 10;
        List<byte[]> pictures = new ArrayList<>();
        List<byte[]> changes = new ArrayList<>();
        double[] times = new double[n];
        boolean[] keyframes = new boolean[n];
        boolean[] corrupted = new boolean[n];
        for (int i = 0; i < n; i++) {
            pictures.add(new byte[64]);
            changes.add(new byte[4]);
            times[i] = i * 0.04;
            keyframes[i] = i == 0 || i == 8;
            corrupted[i] = first != null && i >= first && i < 8;
        }
        List<InjectedDefect> damage = first == null ? List.of()
                : List.of(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, first * 0.04, 0.04));
        List<Defect> truth = first == null ? List.of()
                : List.of(new Defect(DefectType.BLOCK_CORRUPTION, first * 0.04, 8 * 0.04, null, null));
        TrainingStream planned = new TrainingStream(id, split, PictureContent.TEXT, new PictureSize(64, 36), 1, damage,
                VideoEncoding.DEFAULT);
        return new LabelledStream(planned, 8, 8, pictures, times, keyframes, corrupted, changes, truth, n * 0.04);
    }
}
