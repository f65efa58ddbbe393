package avmon.core.corruption;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The network: a 4x4 convolution with stride 4 that reads the picture in tiles (on a 320x180 analysis
 * picture of a 1280x720 stream, one tile is one 16x16 macroblock), two strided 3x3 convolutions (each halves
 * the map) and a 1x1 convolution giving a corruption logit per region: a map of {@link #regionsAcross} x {@link
 * #regionsDown} regions, {@value #REGION_STRIDE} tiles apart. Training labels each region from where the
 * damaged picture differs from its clean decode; a picture is as corrupted as its worst region (see {@link
 * CorruptionTranslator}). With the first widths ({@link ModelDescription#FIRST_FILTERS}) it costs about 2.8
 * million multiply-adds per 320x180 picture; the widths travel with the weights ({@link ModelDescription#filters}).
 * With the picture context ({@link NetworkShape#pictureContext}) the logit reads each region's features beside
 * their mean over the whole picture.
 *
 * <p>Input as trained ({@link #build}): {@value #CHANNELS} channels, the picture scaled to 0..1 and its
 * difference from the previous one scaled to -1..1 ({@link CorruptionTranslator#tensor}). Output: {@code (N, 1,
 * regionsDown, regionsAcross)} logits.
 *
 * <p>Inference runs the same network on the two pictures' 8-bit levels as they are ({@link #forLevels}): the
 * scaling and the difference are linear, so they fold into the first layer's weights, and the per-value work
 * that was done in Java before each call (a fifth of a picture's cost) disappears.
 */
public final class CorruptionNet {

    /** Input channels: the picture, and the picture minus the one before. */
    public static final int CHANNELS = 2;
    /** Pixels per tile side: the first layer's kernel and stride. */
    public static final int TILE = 4;
    /** Tiles between the centres of neighbouring output regions (the two stride-2 layers). */
    public static final int REGION_STRIDE = 4;
    /** Tiles from a region's centre tile to the farthest tile it counts as its own (within its view of 7). */
    public static final int REGION_REACH = 2;

    private CorruptionNet() {
    }

    /** A new, uninitialised network of the first shape, {@link NetworkShape#FIRST}. */
    public static Block build() {
        return build(NetworkShape.FIRST);
    }

    /**
     * A new, uninitialised network of {@code shape}: its tile layer and two strided layers have the shape's filters,
     * and with the picture context its logit layer reads each region's features beside their mean over the picture.
     */
    public static Block build(NetworkShape shape) {
        List<Integer> filters = shape.filters();
        SequentialBlock net = new SequentialBlock()
                .add(conv(TILE, TILE, filters.get(0)))
                .add(Activation.reluBlock())
                .add(conv(3, 2, filters.get(1)))
                .add(Activation.reluBlock())
                .add(conv(3, 2, filters.get(2)))
                .add(Activation.reluBlock());
        if (shape.pictureContext()) {
            net.add(withPictureMean());
        }
        return net.add(conv(1, 1, 1));
    }

    /**
     * Each region's features followed by their mean over every region of the picture, as twice the channels. Why:
     * the convolutions see 28 pixels around a region, and there a patch of concealment garbage in a smooth texture
     * looks like a piece of a clean checkerboard; beside the picture's mean it is a region unlike the rest.
     */
    private static Block withPictureMean() {
        return new ParallelBlock(outputs -> {
            NDArray regions = outputs.get(0).singletonOrThrow();
            Shape shape = regions.getShape();
            NDArray mean = outputs.get(1).singletonOrThrow().reshape(shape.get(0), shape.get(1), 1, 1);
            return new NDList(regions.concat(mean.broadcast(shape), 1));
        }, List.of(Blocks.identityBlock(), Pool.globalAvgPool2dBlock()));
    }

    /**
     * Checks that {@code net}, its weights loaded, has the filters of {@code shape} in its first three layers and a
     * logit layer that reads as many channels as the shape gives it: loading weights takes their shapes as they
     * were saved, so a network built for another shape would run the saved ones.
     *
     * @throws IllegalArgumentException naming the first layer that differs
     */
    public static void checkLoaded(Block net, NetworkShape shape) {
        List<Integer> filters = shape.filters();
        for (int layer = 0; layer < filters.size(); layer++) {
            // Layers and activations alternate: layer k is child 2k.
            long found = weightShape(net, layer * 2).get(0);
            if (found != filters.get(layer)) {
                throw new IllegalArgumentException("layer " + (layer + 1) + " has " + found
                        + " filters where the description says " + filters.get(layer));
            }
        }
        long logitInputs = weightShape(net, net.getChildren().size() - 1).get(1);
        if (logitInputs != shape.logitInputs()) {
            throw new IllegalArgumentException("the logit layer reads " + logitInputs + " channels where the description "
                    + "says " + shape.logitInputs() + " (picture context " + shape.pictureContext() + ")");
        }
    }

    private static Shape weightShape(Block net, int child) {
        return net.getChildren().get(child).getValue().getParameters().get("weight").getArray().getShape();
    }

    /**
     * Multiply-adds of a network of {@code shape} on one {@code width} x {@code height} picture (the picture
     * context's mean adds one addition per region and filter, counted as a multiply-add).
     */
    public static long multiplyAdds(NetworkShape shape, int width, int height) {
        List<Integer> filters = shape.filters();
        long tiles = (long) (width / TILE) * (height / TILE);
        long second = (long) halved(width / TILE) * halved(height / TILE);
        long regions = (long) regionsAcross(width) * regionsDown(height);
        long context = shape.pictureContext() ? regions * filters.get(2) : 0;
        return tiles * filters.get(0) * CHANNELS * TILE * TILE
                + second * filters.get(1) * 9L * filters.get(0)
                + regions * (filters.get(2) * 9L * filters.get(1) + shape.logitInputs()) + context;
    }

    /**
     * The network {@code trained} (built by {@link #build}, weights loaded) made to read {@code (N, 2, height,
     * width)} 8-bit levels, the current picture then the previous one, as {@link CorruptionTranslator} gives
     * them: a cast to floats, then the trained layers with the input scaling folded into the first layer's
     * weights. Its logits equal the trained network's on {@link CorruptionTranslator#tensor} of the same pair, up
     * to float rounding. The first layer's weights of {@code trained} are rewritten in place.
     */
    public static Block forLevels(Block trained) {
        foldInputScaling(trained.getChildren().get(0).getValue().getParameters().get("weight").getArray());
        return new SequentialBlock()
                .add(new LambdaBlock(levels -> new NDList(levels.singletonOrThrow().toType(DataType.FLOAT32, false)),
                        "levels"))
                .add(trained);
    }

    /**
     * Rewrites first-layer weights {@code (filters, 2, TILE, TILE)} trained on (c / 255, (c - p) / 255) into
     * weights on the levels (c, p): {@code a c/255 + d (c - p)/255 = c (a + d)/255 + p (-d/255)}.
     */
    static void foldInputScaling(NDArray weight) {
        float[] w = weight.toFloatArray();
        int kernel = TILE * TILE;
        for (int base = 0; base < w.length; base += CHANNELS * kernel) {
            for (int k = 0; k < kernel; k++) {
                float picture = w[base + k];
                float difference = w[base + kernel + k];
                w[base + k] = (picture + difference) / 255f;
                w[base + kernel + k] = -difference / 255f;
            }
        }
        weight.set(w);
    }

    /** Output regions across a picture {@code width} pixels wide. */
    public static int regionsAcross(int width) {
        return halved(halved(width / TILE));
    }

    /** Output regions down a picture {@code height} pixels high. */
    public static int regionsDown(int height) {
        return halved(halved(height / TILE));
    }

    /** Map size after a 3x3 convolution with stride 2 and padding 1. */
    private static int halved(int size) {
        return (size - 1) / 2 + 1;
    }

    private static Block conv(int kernel, int stride, int filters) {
        // Tiles (kernel = stride) need no padding; 3x3 kernels keep their centre on the map.
        int pad = kernel == stride ? 0 : kernel / 2;
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .setFilters(filters)
                .build();
    }
}
