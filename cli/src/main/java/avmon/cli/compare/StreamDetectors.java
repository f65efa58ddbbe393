package avmon.cli.compare;

import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.evaluate.GroundTruth;
import java.util.List;

/** The detectors chosen for a run, checked by name, and those of them that fit a stream. */
final class StreamDetectors {

    private StreamDetectors() {
    }

    /**
     * The chosen detectors, in their standard order.
     *
     * @throws IllegalArgumentException naming an unknown detector and the known ones
     */
    static List<String> choose(List<String> names) {
        if (names == null || names.isEmpty()) {
            return DetectorSettings.NAMES;
        }
        DetectorSettings.DEFAULTS.detectors(names);
        return DetectorSettings.NAMES.stream().filter(names::contains).toList();
    }

    /** Of {@code names}, those the stream can feed: no audio detector on a stream without audio, and so on. */
    static List<String> applicable(List<String> names, GroundTruth truth) {
        return DetectorSettings.applicable(DetectorSettings.DEFAULTS.detectors(names), truth.hasVideo(), truth.hasAudio())
                .stream().map(Detector::name).toList();
    }
}
