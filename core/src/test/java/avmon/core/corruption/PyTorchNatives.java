package avmon.core.corruption;

import ai.djl.engine.Engine;

/** Whether DJL's PyTorch engine loads here: tests that run the network are skipped where it cannot. */
final class PyTorchNatives {

    private static Boolean available;

    private PyTorchNatives() {
    }

    static synchronized boolean available() {
        if (available == null) {
            try {
                Engine.getEngine("PyTorch");
                available = true;
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
        }
        return available;
    }
}
