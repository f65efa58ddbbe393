package avmon.fn.detector;

import avmon.core.corruption.ModelDescription;
import avmon.core.detect.DetectorSettings;
import java.util.Map;

/**
 * Run once while the container image is built ({@code docker/Dockerfile}): loads the corruption model as the
 * function will, which makes DJL extract PyTorch's natives into {@code DJL_CACHE_DIR} inside the image, so a cold
 * start reads them from the image instead of unpacking 432 MB into {@code /tmp}; and an image whose natives do not
 * load on the base image fails its build here rather than its first invocation.
 */
public final class ModelPreload {

    private ModelPreload() {
    }

    /** Exits non-zero (with the {@link ModelUnavailableException}) when the model does not load. */
    public static void main(String[] args) {
        EnabledDetectors enabled = EnabledDetectors.from(Map.of(EnabledDetectors.ENV,
                String.join(",", DetectorSettings.MODEL_NAMES)));
        ModelDescription model = ModelLoading.load(enabled).description();
        System.out.printf("corruption model loaded: input %dx%d, threshold %s; PyTorch natives in %s%n",
                model.inputWidth(), model.inputHeight(), model.threshold(), System.getenv("DJL_CACHE_DIR"));
    }
}
