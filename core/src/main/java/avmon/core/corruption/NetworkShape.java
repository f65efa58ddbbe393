package avmon.core.corruption;

import java.util.List;

/**
 * The shape of {@link CorruptionNet} as it travels with the weights (in {@link ModelDescription}): the weights
 * load only into a network of the shape they were trained in.
 *
 * @param filters        filters of the tile layer and the two strided layers
 * @param pictureContext whether each region's logit also reads the mean of every region's features: a region
 *                       unlike the rest of its picture (a patch of blocks in a smooth texture) stands out, where
 *                       the same patch on a picture of such patches (a checkerboard) does not
 */
public record NetworkShape(List<Integer> filters, boolean pictureContext) {

    /** The network of the models made before its shape could vary: 8, 16 and 24 filters, no picture context. */
    public static final NetworkShape FIRST = new NetworkShape(ModelDescription.FIRST_FILTERS, false);

    public NetworkShape {
        filters = ModelDescription.checkFilters(filters);
    }

    /** Filters of the last layer before the logit; with the picture context the logit reads twice as many. */
    public int logitInputs() {
        return filters.get(2) * (pictureContext ? 2 : 1);
    }

    /** The options of {@code avmon train} that give this shape, empty for the command's defaults. */
    public String trainOptions(NetworkShape defaults) {
        String widths = filters.equals(defaults.filters()) ? ""
                : " --filters " + String.join(",", filters.stream().map(String::valueOf).toList());
        String context = pictureContext == defaults.pictureContext() ? ""
                : pictureContext ? " --picture-context" : " --no-picture-context";
        return widths + context;
    }
}
