package avmon.core.synth;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where bitstream damage really shows: decodes the clean and the damaged stream side by side at full
 * size and compares each picture. A picture differs visibly when some 16x16 block (a macroblock) differs by
 * at least {@value #VISIBLE_BLOCK_DIFFERENCE} luma levels on average: concealment replaces whole macroblocks,
 * so real damage moves a block by tens of levels, while a threshold this size ignores nothing a viewer
 * would see as a block.
 */
final class CorruptionTruth {

    static final int BLOCK = 16;
    static final double VISIBLE_BLOCK_DIFFERENCE = 6.0;

    /** A run of visibly damaged pictures, {@code [firstFrame, endFrame)}; endFrame is -1 when it runs to the end. */
    record DamagedRun(int firstFrame, int endFrame) {
    }

    private final int width;
    private final int height;

    CorruptionTruth(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The runs of pictures of {@code damaged} that differ visibly from the same pictures of {@code clean}. */
    List<DamagedRun> compare(Path clean, Path damaged) throws MediaException {
        MediaOptions fullSize = MediaOptions.defaults().withThumbnailSize(width, height).withAudio(false);
        List<DamagedRun> runs = new ArrayList<>();
        try (MediaStream reference = FfmpegMediaStream.open(clean.toString(), fullSize);
             MediaStream candidate = FfmpegMediaStream.open(damaged.toString(), fullSize)) {
            AnalysisFrame other = nextFrame(candidate);
            int runStart = -1;
            for (AnalysisFrame frame = nextFrame(reference); frame != null; frame = nextFrame(reference)) {
                while (other != null && other.index() < frame.index()) {
                    other = nextFrame(candidate);
                }
                boolean differs = other == null || other.index() != frame.index() || visiblyDifferent(frame, other);
                int index = (int) frame.index();
                if (differs && runStart < 0) {
                    runStart = index;
                } else if (!differs && runStart >= 0) {
                    runs.add(new DamagedRun(runStart, index));
                    runStart = -1;
                }
            }
            if (runStart >= 0) {
                runs.add(new DamagedRun(runStart, -1));
            }
        }
        return runs;
    }

    private static AnalysisFrame nextFrame(MediaStream stream) throws MediaException {
        for (MediaSample s = stream.next(); s != null; s = stream.next()) {
            if (s instanceof AnalysisFrame f) {
                return f;
            }
        }
        return null;
    }

    /** Whether some macroblock's mean absolute luma difference reaches the visibility threshold. */
    boolean visiblyDifferent(AnalysisFrame a, AnalysisFrame b) {
        byte[] x = a.luma();
        byte[] y = b.luma();
        for (int by = 0; by < height; by += BLOCK) {
            for (int bx = 0; bx < width; bx += BLOCK) {
                if (blockDifference(x, y, bx, by) >= VISIBLE_BLOCK_DIFFERENCE) {
                    return true;
                }
            }
        }
        return false;
    }

    private double blockDifference(byte[] x, byte[] y, int bx, int by) {
        int rows = Math.min(BLOCK, height - by);
        int cols = Math.min(BLOCK, width - bx);
        long sum = 0;
        for (int r = 0; r < rows; r++) {
            int i = (by + r) * width + bx;
            for (int c = 0; c < cols; c++, i++) {
                sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
            }
        }
        return (double) sum / (rows * cols);
    }
}
