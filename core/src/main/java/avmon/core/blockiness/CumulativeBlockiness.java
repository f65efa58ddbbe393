package avmon.core.blockiness;

/**
 * The figure FFmpeg's {@code blockdetect} filter really prints for each picture: the blockiness of the gradient
 * profiles summed over every picture since the filter started (see {@link BlockinessMetric}). After a few seconds
 * one damaged picture barely moves it, which is why the filter does not react to concealed corruption.
 */
public final class CumulativeBlockiness {

    private final BlockinessMetric metric;
    private BlockinessMetric.Profile total;

    public CumulativeBlockiness(BlockinessMetric metric) {
        this.metric = metric;
    }

    /** Adds a picture's profile and returns the running score. */
    public double add(BlockinessMetric.Profile picture) {
        if (total == null) {
            total = BlockinessMetric.Profile.empty(picture.columns().length, picture.rows().length);
        }
        total.add(picture);
        return metric.score(total);
    }
}
