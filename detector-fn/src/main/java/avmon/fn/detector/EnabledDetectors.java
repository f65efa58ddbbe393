package avmon.fn.detector;

import avmon.core.detect.DetectorSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The detectors one deployment of the detector function may run, from {@value #ENV} (comma-separated names).
 * Unset, it is the classical detectors ({@link DetectorSettings#NAMES}), which need no PyTorch: the zip-packaged
 * function. A deployment that carries the PyTorch natives (the container image) adds the model detectors
 * ({@link DetectorSettings#MODEL_NAMES}), and the function loads their model when it starts.
 *
 * @param names the detectors, in the order given
 */
public record EnabledDetectors(List<String> names) {

    /** The environment variable listing them. */
    public static final String ENV = "DETECTORS";

    public EnabledDetectors {
        names = List.copyOf(names);
    }

    /**
     * Reads {@value #ENV}.
     *
     * @throws IllegalArgumentException naming the variable and the first name that is no detector
     */
    public static EnabledDetectors from(Map<String, String> env) {
        String value = env.get(ENV);
        if (value == null || value.isBlank()) {
            return new EnabledDetectors(DetectorSettings.NAMES);
        }
        List<String> names = new ArrayList<>();
        for (String name : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!DetectorSettings.NAMES.contains(name) && !DetectorSettings.MODEL_NAMES.contains(name)) {
                throw new IllegalArgumentException(ENV + " names '" + name + "', which is no detector (known: "
                        + String.join(", ", DetectorSettings.NAMES) + ", " + String.join(", ", DetectorSettings.MODEL_NAMES) + ")");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return new EnabledDetectors(names);
    }

    /** Whether {@code name} is one of them. */
    public boolean contains(String name) {
        return names.contains(name);
    }

    /** Whether any of them runs a trained model, which must then be loaded before the first event. */
    public boolean includesModel() {
        return names.stream().anyMatch(DetectorSettings.MODEL_NAMES::contains);
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
