package avmon.core.detect;

import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.CorruptionModelDetector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The thresholds of every classical detector, and the detectors built from them by name.
 *
 * @param freeze        freeze thresholds
 * @param black         black thresholds
 * @param silence       silence thresholds
 * @param avSync        A/V sync pattern thresholds and tolerance
 * @param decoderErrors decoder error run thresholds
 */
public record DetectorSettings(FreezeDetector.Settings freeze, BlackDetector.Settings black,
                               SilenceDetector.Settings silence, AvSyncDetector.Settings avSync,
                               DecoderErrorDetector.Settings decoderErrors) {

    /** FFmpeg's defaults, EBU R37 tolerance for A/V sync. */
    public static final DetectorSettings DEFAULTS = new DetectorSettings(FreezeDetector.Settings.DEFAULTS,
            BlackDetector.Settings.DEFAULTS, SilenceDetector.Settings.DEFAULTS, AvSyncDetector.Settings.DEFAULTS,
            DecoderErrorDetector.Settings.DEFAULTS);

    /** Names of all classical detectors, in the order they run. */
    public static final List<String> NAMES = List.of(FreezeDetector.NAME, BlackDetector.NAME, SilenceDetector.NAME,
            AvSyncDetector.NAME, DecoderErrorDetector.NAME);

    /**
     * Detectors that run a trained model: known to {@link #detectors(Collection)} by name, but not among the
     * defaults, because loading the model needs the PyTorch natives where the detectors run.
     */
    public static final List<String> MODEL_NAMES = List.of(CorruptionModelDetector.NAME);

    /** All classical detectors. */
    public List<Detector<?>> detectors() {
        return detectors(NAMES);
    }

    /**
     * The named detectors, in the order given.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link #NAMES} or {@link #MODEL_NAMES}
     * @throws avmon.core.corruption.ModelFileException when a model detector is named and its model's files are
     *                                                  missing or damaged
     */
    public List<Detector<?>> detectors(Collection<String> names) {
        List<Detector<?>> detectors = new ArrayList<>();
        for (String name : names) {
            detectors.add(switch (name) {
                case FreezeDetector.NAME -> new FreezeDetector(freeze);
                case BlackDetector.NAME -> new BlackDetector(black);
                case SilenceDetector.NAME -> new SilenceDetector(silence);
                case AvSyncDetector.NAME -> new AvSyncDetector(avSync);
                case DecoderErrorDetector.NAME -> new DecoderErrorDetector(decoderErrors);
                case CorruptionModelDetector.NAME -> new CorruptionModelDetector(CorruptionModel.shared(),
                        CorruptionModelDetector.Settings.DEFAULTS);
                default -> throw new IllegalArgumentException("unknown detector '" + name + "' (known: "
                        + String.join(", ", NAMES) + ", " + String.join(", ", MODEL_NAMES) + ")");
            });
        }
        return detectors;
    }

    /** The detectors a stream can feed: those needing audio are left out without audio, and so on. */
    public static List<Detector<?>> applicable(List<Detector<?>> detectors, boolean hasVideo, boolean hasAudio) {
        return detectors.stream()
                .filter(d -> (!d.usesVideo() || hasVideo) && (!d.usesAudio() || hasAudio))
                .toList();
    }
}
