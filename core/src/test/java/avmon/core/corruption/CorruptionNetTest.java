package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorruptionNetTest {

    @Test
    void regions_analysisPicture_oneEverySixteenPixels() {
        assertEquals(20, CorruptionNet.regionsAcross(320), "320 pixels: 80 tiles, 40, 20 regions");
        assertEquals(12, CorruptionNet.regionsDown(180), "180 pixels: 45 tiles, 23, 12 regions");
    }

    @Test
    void multiplyAdds_firstWidthsAtTheAnalysisSize_about2point8Million() {
        // 3,600 tiles x 8 x 32 + 920 x 16 x 72 + 240 x (24 x 144 + 24), counted by hand from the layers.
        assertEquals(2_816_640, CorruptionNet.multiplyAdds(NetworkShape.FIRST, 320, 180), "the first network");
        assertEquals(4_798_080, CorruptionNet.multiplyAdds(new NetworkShape(java.util.List.of(16, 16, 24), false), 320, 180),
                "twice the tile filters: the first two layers cost twice as much");
    }

    @Test
    void multiplyAdds_pictureContext_aMeanAndTwiceTheLogitInputsPerRegion() {
        // 240 regions x 24 filters: once summed into the mean, once more read by the logit.
        assertEquals(2_816_640 + 2 * 240 * 24, CorruptionNet.multiplyAdds(WITH_CONTEXT, 320, 180),
                "the first widths with the picture context");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outputShape_otherWidthsWithOrWithoutContext_aLogitPerRegion(boolean pictureContext) {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Block net = CorruptionNet.build(new NetworkShape(java.util.List.of(4, 6, 10), pictureContext));
            Shape input = new Shape(2, CorruptionNet.CHANNELS, 180, 320);
            net.initialize(manager, DataType.FLOAT32, input);
            assertEquals(new Shape(2, 1, 12, 20), net.getOutputShapes(new Shape[] {input})[0],
                    "the widths and the picture context change the layers, not the region map");
        }
    }

    @Test
    void outputShape_analysisPicture_aLogitPerRegion() {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Block net = CorruptionNet.build();
            Shape input = new Shape(3, CorruptionNet.CHANNELS, 180, 320);
            net.initialize(manager, DataType.FLOAT32, input);
            assertEquals(new Shape(3, 1, CorruptionNet.regionsDown(180), CorruptionNet.regionsAcross(320)),
                    net.getOutputShapes(new Shape[] {input})[0], "batch, one logit, regions down, regions across");
        }
    }

    private static final NetworkShape WITH_CONTEXT = new NetworkShape(ModelDescription.FIRST_FILTERS, true);

    static java.util.stream.Stream<NetworkShape> shapes() {
        return java.util.stream.Stream.of(NetworkShape.FIRST, WITH_CONTEXT);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void forLevels_randomWeightsAndPictures_sameLogitsAsTheTrainedNetworkOnScaledInput(NetworkShape shape) {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        int width = 64;
        int height = 48;
        Random random = new Random(3);
        byte[] current = new byte[width * height];
        byte[] previous = new byte[width * height];
        random.nextBytes(current);
        random.nextBytes(previous);
        FramePair pair = new FramePair(width, height, current, previous);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Block trained = CorruptionNet.build(shape);
            // Large random weights, so that a fold that mixed up the channels would move every logit.
            trained.setInitializer(new NormalInitializer(0.5f), ai.djl.nn.Parameter.Type.WEIGHT);
            trained.initialize(manager, DataType.FLOAT32, new Shape(1, CorruptionNet.CHANNELS, height, width));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray scaled = manager.create(CorruptionTranslator.tensor(pair),
                    new Shape(1, CorruptionNet.CHANNELS, height, width));
            float[] expected = trained.forward(store, new NDList(scaled), false).singletonOrThrow().toFloatArray();

            Block inference = CorruptionNet.forLevels(trained);
            NDArray levels = manager.create(ByteBuffer.wrap(CorruptionTranslator.levels(pair)),
                    new Shape(1, CorruptionNet.CHANNELS, height, width), DataType.UINT8);
            float[] actual = inference.forward(store, new NDList(levels), false).singletonOrThrow().toFloatArray();

            assertEquals(CorruptionNet.regionsAcross(width) * CorruptionNet.regionsDown(height), actual.length,
                    "a logit per region");
            assertArrayEquals(expected, actual, 1e-3f * maxAbs(expected),
                    "the levels with the scaling folded into the first layer give the trained network's logits");
        }
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
