package avmon.core.corruption;

import java.util.List;

/**
 * What the weights need around them, kept beside them as {@value #FILE}: the picture size the network was
 * trained on and the probability above which a picture counts as corrupted (chosen on validation streams).
 *
 * @param inputWidth  width of the pictures the network takes
 * @param inputHeight height of the pictures the network takes
 * @param threshold   probability at or above which a picture is corrupted
 * @param seed        the training seed that reproduces these weights ({@code avmon train --seed})
 * @param filters     filters of the network's three convolutions before its logit ({@link CorruptionNet#build});
 *                    absent in the files of models made before it could vary, which had {@link
 *                    #FIRST_FILTERS}
 * @param pictureContext whether the network's logit reads the picture's mean features beside each region's
 *                    ({@link NetworkShape#pictureContext}); absent, so false, in the files of models made before
 */
public record ModelDescription(int inputWidth, int inputHeight, double threshold, long seed, List<Integer> filters,
                               boolean pictureContext) {

    /**
     * Filters of the tile layer and the two strided layers of the models made before the widths could vary. (Here,
     * not in {@link CorruptionNet}, so that reading a description needs no DJL: the CDK app reads it.)
     */
    public static final List<Integer> FIRST_FILTERS = List.of(8, 16, 24);

    /** File name of the description. */
    public static final String FILE = "corruption-model.json";
    /** File name of the weights. */
    public static final String PARAMS = "corruption-model.params";
    /** File name of the weights' checksum, in {@code sha256sum} format. */
    public static final String CHECKSUM = PARAMS + ".sha256";

    public ModelDescription {
        if (inputWidth < 8 || inputHeight < 8) {
            throw new IllegalArgumentException("model input must be at least 8x8, got " + inputWidth + "x" + inputHeight);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must lie between 0 and 1, got " + threshold);
        }
        filters = filters == null ? FIRST_FILTERS : checkFilters(filters);
    }

    /** A description of the first network, {@link NetworkShape#FIRST}. */
    public ModelDescription(int inputWidth, int inputHeight, double threshold, long seed) {
        this(inputWidth, inputHeight, threshold, seed, NetworkShape.FIRST);
    }

    /** A description of a network of {@code shape}. */
    public ModelDescription(int inputWidth, int inputHeight, double threshold, long seed, NetworkShape shape) {
        this(inputWidth, inputHeight, threshold, seed, shape.filters(), shape.pictureContext());
    }

    /** The network these weights load into. */
    public NetworkShape shape() {
        return new NetworkShape(filters, pictureContext);
    }

    /** The same model with another threshold. */
    public ModelDescription withThreshold(double threshold) {
        return new ModelDescription(inputWidth, inputHeight, threshold, seed, filters, pictureContext);
    }

    /**
     * {@code filters} when it is three counts of 1 to 256.
     *
     * @throws IllegalArgumentException otherwise, naming what is wrong
     */
    public static List<Integer> checkFilters(List<Integer> filters) {
        if (filters.size() != 3 || filters.stream().anyMatch(f -> f == null || f < 1 || f > 256)) {
            throw new IllegalArgumentException("the network needs three filter counts of 1 to 256 (tile layer, then the "
                    + "two strided layers), got " + filters);
        }
        return List.copyOf(filters);
    }
}
