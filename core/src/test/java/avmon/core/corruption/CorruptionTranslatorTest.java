package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class CorruptionTranslatorTest {

    private static final FramePair PAIR = new FramePair(2, 1, new byte[] {(byte) 255, 51}, new byte[] {(byte) 255, 102});

    @Test
    void tensor_pair_pictureThenDifferenceScaledToOne() {
        assertArrayEquals(new float[] {1f, 0.2f, 0f, -0.2f}, CorruptionTranslator.tensor(PAIR), 1e-6f,
                "channel 0 is the picture over 255, channel 1 the picture minus the previous one over 255");
    }

    @Test
    void probability_logits_logisticFunction() {
        assertEquals(0.5f, CorruptionTranslator.probability(0), 1e-6f, "logit 0 is even odds");
        assertEquals(0.880797f, CorruptionTranslator.probability(2), 1e-5f, "logit 2");
        assertEquals(1 - 0.880797f, CorruptionTranslator.probability(-2), 1e-5f, "logit -2");
    }

    @Test
    void worstRegion_logits_highest() {
        assertEquals(0.5f, CorruptionTranslator.worstRegion(new float[] {-4f, 0.5f, -0.1f}), 0f, "the highest logit");
    }

    @Test
    void framePair_wrongSize_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new FramePair(2, 2, new byte[4], new byte[3]),
                "a previous picture of another size is not a pair");
    }

    @Test
    void processInputAndOutput_throughTheEngine_shapeAndProbability() {
        assumeTrue(PyTorchNatives.available(), "PyTorch natives do not load here");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TranslatorContext ctx = context(manager);
            CorruptionTranslator translator = new CorruptionTranslator();
            NDArray input = translator.processInput(ctx, PAIR).singletonOrThrow();
            assertEquals(new Shape(2, 1, 2), input.getShape(), "channels, height, width");
            assertEquals(DataType.UINT8, input.getDataType(), "the levels as they are");
            assertArrayEquals(new byte[] {(byte) 255, 51, (byte) 255, 102}, input.toByteArray(),
                    "the current picture's levels, then the previous picture's");
            NDArray regions = manager.create(new float[] {-3f, 2f, 0.5f, -1f}, new Shape(1, 2, 2));
            float p = translator.processOutput(ctx, new NDList(regions));
            assertEquals(0.880797f, p, 1e-5f, "the worst region's logit becomes the picture's probability");
        }
    }

    /** A context that only hands out the manager, all the translator uses. */
    private static TranslatorContext context(NDManager manager) {
        return (TranslatorContext) Proxy.newProxyInstance(TranslatorContext.class.getClassLoader(),
                new Class<?>[] {TranslatorContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getNDManager" -> manager;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
