package avmon.core.corruption;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The network: a 4x4 convolution with stride 4 that reads the picture in tiles (on a 320x180 analysis
 * picture of a 1280x720 stream, one tile is one 16x16 macroblock), two strided 3x3 convolutions (each halves
 * the map) and a 1x1 convolution giving a corruption score per region, of which the picture keeps the
 * highest. A fully convolutional net with a global maximum is a patch classifier trained from picture
 * labels: corruption anywhere makes the picture corrupt. It costs about 3 million multiply-adds per
 * 320x180 picture.
 *
 * <p>Input: {@value #CHANNELS} channels, the picture and its difference from the previous one (see {@link
 * CorruptionTranslator}). Output: one logit per picture.
 */
public final class CorruptionNet {

    /** Input channels: the picture, and the picture minus the one before. */
    public static final int CHANNELS = 2;

    private CorruptionNet() {
    }

    /** A new, uninitialised network. */
    public static Block build() {
        return new SequentialBlock()
                .add(conv(4, 4, 12))
                .add(Activation.reluBlock())
                .add(conv(3, 2, 24))
                .add(Activation.reluBlock())
                .add(conv(3, 2, 32))
                .add(Activation.reluBlock())
                .add(conv(1, 1, 1))
                // The highest region score: (N, 1, h, w) -> (N, 1).
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().max(new int[] {3}).max(new int[] {2})),
                        "regionMax"));
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
