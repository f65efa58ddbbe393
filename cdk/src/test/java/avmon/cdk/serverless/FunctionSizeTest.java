package avmon.cdk.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.cli.serverless.LocalPipeline;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FunctionSizeTest {

    @Test
    void defaults_sameAsTheLocalPipelineBillsItsMeasurementsAt() {
        assertSame(LocalPipeline.FunctionSize.CONVERTER_SIZE, ServerlessSettings.CONVERTER_DEFAULT, "converter");
        assertSame(LocalPipeline.FunctionSize.DETECTOR_SIZE, ServerlessSettings.DETECTOR_DEFAULT, "detector");
        assertSame(LocalPipeline.FunctionSize.NOTIFIER_SIZE, ServerlessSettings.NOTIFIER_DEFAULT, "notifier");
        assertSame(LocalPipeline.FunctionSize.DETECTOR_IMAGE_SIZE, ServerlessSettings.DETECTOR_IMAGE_DEFAULT,
                "detector with the corruption model (container image)");
    }

    private static void assertSame(LocalPipeline.FunctionSize local, FunctionSize deployed, String function) {
        assertEquals(local.memoryMb(), deployed.memoryMb(), function + " memory, local host vs deployment");
        assertEquals(local.timeout(), deployed.timeout(), function + " timeout, local host vs deployment");
    }

    @Test
    void new_outsideLambdasLimits_refused() {
        assertThrows(IllegalArgumentException.class, () -> new FunctionSize(64, Duration.ofSeconds(1), 512), "memory");
        assertThrows(IllegalArgumentException.class, () -> new FunctionSize(512, Duration.ofMinutes(16), 512), "timeout");
        assertThrows(IllegalArgumentException.class, () -> new FunctionSize(512, Duration.ofSeconds(1), 256), "/tmp");
    }
}
