package avmon.cli.detect;

import avmon.cli.UserError;
import avmon.core.detect.AvSyncDetector;
import avmon.core.detect.BlackDetector;
import avmon.core.detect.DecoderErrorDetector;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.FreezeDetector;
import avmon.core.detect.SilenceDetector;
import picocli.CommandLine.Option;

/** The detectors' thresholds as command-line options, FFmpeg's defaults unless given. */
public final class DetectorOptions {

    @Option(names = "--freeze-noise", paramLabel = "RATIO", defaultValue = "0.001",
            description = "Freeze: largest mean difference (fraction of range) still frozen (default: ${DEFAULT-VALUE}).")
    double freezeNoise;

    @Option(names = "--freeze-duration", paramLabel = "SECONDS", defaultValue = "2.0",
            description = "Freeze: shortest freeze reported (default: ${DEFAULT-VALUE}).")
    double freezeDuration;

    @Option(names = "--black-pixel", paramLabel = "RATIO", defaultValue = "0.10",
            description = "Black: a pixel is black at or below this fraction of the luma range (default: ${DEFAULT-VALUE}).")
    double blackPixel;

    @Option(names = "--black-picture", paramLabel = "RATIO", defaultValue = "0.98",
            description = "Black: a picture is black when this share of its pixels is (default: ${DEFAULT-VALUE}).")
    double blackPicture;

    @Option(names = "--black-duration", paramLabel = "SECONDS", defaultValue = "2.0",
            description = "Black: shortest black run reported (default: ${DEFAULT-VALUE}).")
    double blackDuration;

    @Option(names = "--full-range", description = "Black: luma spans 0-255 instead of TV range 16-235.")
    boolean fullRange;

    @Option(names = "--silence-noise", paramLabel = "DBFS", defaultValue = "-60",
            description = "Silence: level below which audio is silent, in dBFS (default: ${DEFAULT-VALUE}).")
    double silenceNoiseDb;

    @Option(names = "--silence-duration", paramLabel = "SECONDS", defaultValue = "2.0",
            description = "Silence: shortest silence reported (default: ${DEFAULT-VALUE}).")
    double silenceDuration;

    @Option(names = "--sync-early", paramLabel = "MS", defaultValue = "40",
            description = "A/V sync: largest tolerated audio lead (default: ${DEFAULT-VALUE}, EBU R37).")
    double syncEarlyMs;

    @Option(names = "--sync-late", paramLabel = "MS", defaultValue = "60",
            description = "A/V sync: largest tolerated audio lag (default: ${DEFAULT-VALUE}, EBU R37).")
    double syncLateMs;

    @Option(names = "--decoder-error-gap", paramLabel = "SECONDS", defaultValue = "0.2",
            description = "Block corruption: clean time after the healing keyframe that ends a run of decoder errors"
                    + " (default: ${DEFAULT-VALUE}).")
    double decoderErrorGap;

    @Option(names = "--keyframe-wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "Block corruption: longest wait for a clean keyframe after the last decoder error; without"
                    + " one the run ends at the first clean picture (default: ${DEFAULT-VALUE}).")
    double keyframeWait;

    /**
     * The settings these options describe.
     *
     * @throws UserError (usage) when a threshold is out of range
     */
    public DetectorSettings settings() {
        try {
            AvSyncDetector.Settings sync = AvSyncDetector.Settings.DEFAULTS;
            return new DetectorSettings(
                    new FreezeDetector.Settings(freezeNoise, freezeDuration),
                    new BlackDetector.Settings(blackPixel, blackPicture, blackDuration, fullRange),
                    SilenceDetector.Settings.ofDecibels(silenceNoiseDb, silenceDuration),
                    new AvSyncDetector.Settings(sync.flashLuma(), sync.beepLevel(), sync.quietBeforeBeep(),
                            sync.pairWindow(), syncEarlyMs / 1000, syncLateMs / 1000),
                    new DecoderErrorDetector.Settings(decoderErrorGap, keyframeWait));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }
}
