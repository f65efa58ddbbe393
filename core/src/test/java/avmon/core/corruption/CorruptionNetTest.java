package avmon.core.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;

class CorruptionNetTest {

    @Test
    void regions_analysisPicture_oneEverySixteenPixels() {
        assertEquals(20, CorruptionNet.regionsAcross(320), "320 pixels: 80 tiles, 40, 20 regions");
        assertEquals(12, CorruptionNet.regionsDown(180), "180 pixels: 45 tiles, 23, 12 regions");
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
}
