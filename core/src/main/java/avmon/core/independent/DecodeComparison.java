package avmon.core.independent;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
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
 * Ground truth for a damaged clip: both the clean and the damaged clip are decoded at full size and compared
 * picture by picture. A picture is corrupted when some 16x16 block's mean absolute luma difference reaches 6
 * levels (the definition of docs/ground-truth.md), or when the damaged decode has no picture at its time at all.
 */
final class DecodeComparison {

    static final int BLOCK = 16;
    static final double VISIBLE = 6.0;

    /** The runs of corrupted pictures as block corruption defects, times from the first picture. */
    List<Defect> corruption(Path clean, Path damaged, int width, int height) throws MediaException {
        MediaOptions full = MediaOptions.defaults().withAudio(false).withThumbnailSize(width, height);
        List<Defect> runs = new ArrayList<>();
        try (MediaStream reference = FfmpegMediaStream.open(clean.toString(), full);
             MediaStream candidate = FfmpegMediaStream.open(damaged.toString(), full)) {
            AnalysisFrame other = nextPicture(candidate);
            Double runStart = null;
            for (AnalysisFrame frame = nextPicture(reference); frame != null; frame = nextPicture(reference)) {
                while (other != null && other.index() < frame.index()) {
                    other = nextPicture(candidate);
                }
                boolean differs = other == null || other.index() != frame.index() || visiblyDifferent(frame, other);
                if (differs && runStart == null) {
                    runStart = frame.time();
                } else if (!differs && runStart != null) {
                    runs.add(new Defect(DefectType.BLOCK_CORRUPTION, round(runStart), round(frame.time()), null, null));
                    runStart = null;
                }
            }
            if (runStart != null) {
                runs.add(new Defect(DefectType.BLOCK_CORRUPTION, round(runStart), null, null, null));
            }
        }
        return runs;
    }

    private static AnalysisFrame nextPicture(MediaStream stream) throws MediaException {
        for (MediaSample s = stream.next(); s != null; s = stream.next()) {
            if (s instanceof AnalysisFrame f) {
                return f;
            }
        }
        return null;
    }

    static boolean visiblyDifferent(AnalysisFrame a, AnalysisFrame b) {
        int width = a.width();
        int height = a.height();
        for (int by = 0; by < height; by += BLOCK) {
            for (int bx = 0; bx < width; bx += BLOCK) {
                int rows = Math.min(BLOCK, height - by);
                int cols = Math.min(BLOCK, width - bx);
                long sum = 0;
                for (int y = by; y < by + rows; y++) {
                    for (int x = bx; x < bx + cols; x++) {
                        sum += Math.abs(a.lumaAt(x, y) - b.lumaAt(x, y));
                    }
                }
                if ((double) sum / (rows * cols) >= VISIBLE) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double round(double t) {
        return Math.round(t * 1e6) / 1e6;
    }
}
