package avmon.core.blockiness;

import avmon.core.evaluate.FrameMetrics;
import avmon.core.media.MediaException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blockiness as evaluation metrics: {@value #PER_PICTURE} (each picture measured alone) and {@value #FFMPEG} (the
 * running figure FFmpeg's filter prints), from a full-size {@link BlockinessScan} of the source.
 */
public final class BlockinessFrameMetrics implements FrameMetrics {

    /** Each picture's own blockiness. */
    public static final String PER_PICTURE = "blockdetect";
    /** The filter's running figure over every picture so far. */
    public static final String FFMPEG = "blockdetect_ffmpeg";

    private final BlockinessScan scan;

    public BlockinessFrameMetrics(BlockinessScan scan) {
        this.scan = scan;
    }

    @Override
    public Map<String, double[]> measure(String source, long[] frames) throws MediaException {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < frames.length; i++) {
            position.put(frames[i], i);
        }
        double[] picture = new double[frames.length];
        double[] running = new double[frames.length];
        Arrays.fill(picture, Double.NaN);
        Arrays.fill(running, Double.NaN);
        List<BlockinessScan.FrameBlockiness> measured = scan.scan(source);
        for (BlockinessScan.FrameBlockiness m : measured) {
            Integer at = position.get(m.index());
            if (at != null) {
                picture[at] = m.picture();
                running[at] = m.cumulative();
            }
        }
        return Map.of(PER_PICTURE, picture, FFMPEG, running);
    }
}
