package avmon.fn.detector;

import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.ModelFileException;

/**
 * Loads the process's corruption model when the function starts, so that a deployment that cannot run it fails
 * its INIT phase with the reason, rather than its first segment with a linkage error.
 */
final class ModelLoading {

    private ModelLoading() {
    }

    /**
     * The shared model, loaded.
     *
     * @throws ModelUnavailableException naming the file at fault, or saying that PyTorch did not load
     */
    static CorruptionModel load(EnabledDetectors enabled) {
        try {
            return CorruptionModel.shared();
        } catch (ModelFileException e) {
            throw new ModelUnavailableException(EnabledDetectors.ENV + "=" + enabled + " but " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            // DJL reports missing natives as an EngineException (offline) or a linkage error; either way the
            // engine is absent from this deployment, which is a configuration the message can name.
            throw new ModelUnavailableException(EnabledDetectors.ENV + "=" + enabled + " but the PyTorch engine "
                    + "does not load here (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "): deploy "
                    + "the container image that carries its natives (detector-fn/docker/Dockerfile, cdk -c "
                    + "corruptionModel=true) or leave the model detectors out of " + EnabledDetectors.ENV, e);
        }
    }
}
