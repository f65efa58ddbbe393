package avmon.core.corruption.train;

import avmon.core.corruption.FramePair;
import avmon.core.detect.Defect;
import java.util.List;

/**
 * A decoded training stream: its pictures at the model's input size, each labelled corrupted or not against
 * the clean decode, and the true corruptions as the ground truth lists them.
 *
 * @param stream    what was generated
 * @param width     picture width (the model's input width)
 * @param height    picture height
 * @param pictures  luma of each picture, {@code width * height} values
 * @param times     presentation time of each picture in seconds
 * @param corrupted whether each picture differs visibly from the clean decode of the same picture
 * @param truth     the true block corruptions (contiguous runs of corrupted pictures)
 * @param duration  stream length in seconds
 */
public record LabelledStream(TrainingStream stream, int width, int height, List<byte[]> pictures, double[] times,
                             boolean[] corrupted, List<Defect> truth, double duration) {

    public LabelledStream {
        if (pictures.size() != times.length || times.length != corrupted.length) {
            throw new IllegalArgumentException(stream.id() + ": pictures, times and labels differ in number");
        }
        pictures = List.copyOf(pictures);
        truth = List.copyOf(truth);
    }

    public int size() {
        return pictures.size();
    }

    /** Picture {@code i} with the one before it (itself for the first), as the model sees it. */
    public FramePair pair(int i) {
        return new FramePair(width, height, pictures.get(i), pictures.get(Math.max(0, i - 1)));
    }

    /** Number of corrupted pictures. */
    public int corruptedCount() {
        int n = 0;
        for (boolean c : corrupted) {
            n += c ? 1 : 0;
        }
        return n;
    }
}
