package avmon.core.corruption.train;

import avmon.core.corruption.FramePair;
import avmon.core.detect.Defect;
import java.util.List;

/**
 * A decoded training stream: its pictures at the model's input size, each labelled corrupted or not against
 * the clean decode, where in the picture it differs, and the true corruptions as the ground truth lists them.
 *
 * @param stream      what was generated
 * @param width       picture width (the model's input width)
 * @param height      picture height
 * @param pictures    luma of each picture, {@code width * height} values
 * @param times       presentation time of each picture in seconds
 * @param keyframes   whether the decoder flagged each picture as a keyframe
 * @param corrupted   whether each picture differs visibly from the clean decode of the same picture (the
 *                    generator's ground truth, measured at the stream's full size)
 * @param tileChanges per picture, the mean absolute difference from the clean decode of each
 *                    {@link TileGrid#TILE}-pixel tile at the model's size, row by row, capped at 255; all zero for a
 *                    clean stream
 * @param truth       the true block corruptions (contiguous runs of corrupted pictures)
 * @param duration    stream length in seconds
 */
public record LabelledStream(TrainingStream stream, int width, int height, List<byte[]> pictures, double[] times,
                             boolean[] keyframes, boolean[] corrupted, List<byte[]> tileChanges, List<Defect> truth,
                             double duration) {

    public LabelledStream {
        int n = pictures.size();
        if (times.length != n || keyframes.length != n || corrupted.length != n || tileChanges.size() != n) {
            throw new IllegalArgumentException(stream.id() + ": pictures, times, keyframes and labels differ in number");
        }
        pictures = List.copyOf(pictures);
        tileChanges = List.copyOf(tileChanges);
        truth = List.copyOf(truth);
    }

    public int size() {
        return pictures.size();
    }

    /** Picture {@code i} with the one before it (itself for the first), as the model sees it. */
    public FramePair pair(int i) {
        return pair(i, 1);
    }

    /** Picture {@code i} with the one {@code gap} before it (the first picture where there is none). */
    public FramePair pair(int i, int gap) {
        return new FramePair(width, height, pictures.get(i), pictures.get(Math.max(0, i - gap)));
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
