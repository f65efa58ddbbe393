package avmon.core.evaluate;

import avmon.core.detect.DecoderErrorDetector;
import java.util.List;

/**
 * The block corruption signals an evaluation scores side by side, the detectors they need besides the classical
 * ones, and where the per-picture metrics among them come from.
 *
 * @param signals   the signals, in report order
 * @param detectors names of detectors to run besides {@link avmon.core.detect.DetectorSettings#NAMES} (a trained
 *                  model), resolved by {@link avmon.core.detect.DetectorSettings#detectors(java.util.Collection)}
 * @param metrics   the pass that measures the metrics of {@link CorruptionSignal.Thresholded} signals
 */
public record CorruptionSignals(List<CorruptionSignal> signals, List<String> detectors, FrameMetrics metrics) {

    public CorruptionSignals {
        signals = List.copyOf(signals);
        detectors = List.copyOf(detectors);
    }

    /** Signals that need no detector beyond the classical ones. */
    public CorruptionSignals(List<CorruptionSignal> signals, FrameMetrics metrics) {
        this(signals, List.of(), metrics);
    }

    /** The decoder-error signal alone, no extra pass. */
    public static CorruptionSignals decoderErrorsOnly() {
        return new CorruptionSignals(List.of(new CorruptionSignal.Detected(DecoderErrorDetector.NAME,
                DecoderErrorDetector.NAME)), FrameMetrics.NONE);
    }

    /** Whether any signal needs the metrics pass. */
    public boolean needsMetrics() {
        return signals.stream().anyMatch(s -> s instanceof CorruptionSignal.Thresholded);
    }
}
