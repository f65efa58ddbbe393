package avmon.cli.evaluate;

import avmon.cli.CliErrors;
import avmon.cli.UserError;
import avmon.cli.detect.DetectorOptions;
import avmon.cli.detect.ThumbnailSize;
import avmon.core.blockiness.BlockinessFrameMetrics;
import avmon.core.blockiness.BlockinessMetric;
import avmon.core.blockiness.BlockinessScan;
import avmon.core.detect.DecoderErrorDetector;
import avmon.core.detect.Detector;
import avmon.core.evaluate.CorruptionSignal;
import avmon.core.evaluate.CorruptionSignals;
import avmon.core.evaluate.DirectoryEvaluator;
import avmon.core.evaluate.FrameMetrics;
import avmon.core.media.AnalysisFrame;
import avmon.core.evaluate.EvaluationReport;
import avmon.core.evaluate.Evaluator;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code avmon evaluate}: runs the detectors over every stream of a directory with ground truth and prints
 * precision, recall and boundary errors per defect type, then block corruption per signal (decoder errors, the
 * trained model, the two combined, FFmpeg's blockdetect metric at its best threshold); writes the full report as
 * JSON. Exit code 1 when a stream could not be read.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score the detectors against ground truth.",
            "DIR holds one folder per stream: <id>/index.m3u8 and <id>/truth.json (see docs/ground-truth.md), "
                    + "as written by avmon generate.",
            "Block corruption is also scored per signal: see docs/block-corruption.md."})
public final class EvaluateCommand implements Callable<Integer> {

    /** The trained block corruption detector's name (avmon.core.corruption.CorruptionModelDetector). */
    static final String MODEL = "corruption_model";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory of streams with ground truth.")
    Path dir;

    @Option(names = "--json-out", paramLabel = "FILE",
            description = "Where to write the JSON report (default: DIR/evaluation.json).")
    Path jsonOut;

    @Option(names = "--thumb", paramLabel = "WxH", defaultValue = "320x180", converter = ThumbnailSize.Converter.class,
            description = "Size of the gray analysis pictures (default: ${DEFAULT-VALUE}, the corruption model's input;"
                    + " smaller leaves the model out).")
    ThumbnailSize thumbnail;

    @Mixin
    DetectorOptions thresholds;

    @Option(names = "--no-model", description = "Leave the trained corruption model out (it loads PyTorch).")
    boolean noModel;

    @Option(names = "--no-blockdetect",
            description = "Skip the blockdetect signal (it decodes every stream again at full size).")
    boolean noBlockdetect;

    @Option(names = "--blockdetect-threshold", paramLabel = "VALUE",
            description = "Flag pictures whose blockdetect score reaches VALUE, instead of the best threshold on"
                    + " these streams (needed on clean-only sets, which have no best).")
    Double blockdetectThreshold;

    @Option(names = "--blockdetect-ffmpeg-threshold", paramLabel = "VALUE",
            description = "The same for blockdetect_ffmpeg (the filter's running figure).")
    Double blockdetectFfmpegThreshold;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MediaOptions options = MediaOptions.defaults().withThumbnailSize(thumbnail.width(), thumbnail.height());
        DirectoryEvaluator evaluator = new DirectoryEvaluator(thresholds.settings(),
                source -> FfmpegMediaStream.open(source, options), new Evaluator(), corruptionSignals());
        EvaluationReport report;
        try {
            report = evaluator.evaluate(dir, line -> {
                err.println("evaluating " + line);
                err.flush();
            });
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        out.print(report.toTable());
        Path file = jsonOut != null ? jsonOut : dir.resolve("evaluation.json");
        try {
            report.writeJson(file);
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + file + ": " + e.getMessage());
        }
        out.println("report: " + file);
        out.flush();
        if (!report.failures().isEmpty()) {
            err.println("avmon: " + report.failures().size() + " stream(s) could not be read");
            err.flush();
            return CliErrors.INPUT_FAILED;
        }
        return 0;
    }

    /**
     * The block corruption signals, side by side: decoder errors, the model, the two combined (either; see
     * docs/block-corruption.md), blockdetect per picture and as FFmpeg prints it.
     */
    private CorruptionSignals corruptionSignals() {
        List<CorruptionSignal> signals = new ArrayList<>();
        signals.add(new CorruptionSignal.Detected("decoder_errors", DecoderErrorDetector.NAME));
        String modelProblem = noModel ? "left out (--no-model)" : modelProblem();
        List<String> extra = new ArrayList<>();
        if (modelProblem == null) {
            extra.add(MODEL);
            signals.add(new CorruptionSignal.Detected("model", MODEL));
            signals.add(new CorruptionSignal.Either("combined", List.of(DecoderErrorDetector.NAME, MODEL)));
        } else {
            signals.add(new CorruptionSignal.Unavailable("model", modelProblem));
            signals.add(new CorruptionSignal.Unavailable("combined", "needs the model: " + modelProblem));
        }
        if (noBlockdetect) {
            return new CorruptionSignals(signals, extra, FrameMetrics.NONE);
        }
        signals.add(new CorruptionSignal.Thresholded("blockdetect", BlockinessFrameMetrics.PER_PICTURE,
                blockdetectThreshold));
        signals.add(new CorruptionSignal.Thresholded("blockdetect_ffmpeg", BlockinessFrameMetrics.FFMPEG,
                blockdetectFfmpegThreshold));
        return new CorruptionSignals(signals, extra, new BlockinessFrameMetrics(
                new BlockinessScan(new BlockinessMetric(BlockinessMetric.Settings.DEFAULTS))));
    }

    /**
     * Why the trained model cannot run here, or null when it can: loading it once up front turns a missing or
     * damaged model file, or a build without the model, into one row of the report instead of a failed run.
     */
    private String modelProblem() {
        try {
            Detector<?> model = thresholds.settings().detectors(List.of(MODEL)).get(0);
            probe(model, new AnalysisFrame(0, 0, thumbnail.width(), thumbnail.height(),
                    new byte[thumbnail.width() * thumbnail.height()], List.of()));
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Feeds one picture of the evaluation's size, so a detector that cannot take it says so before any stream. */
    private static <S> void probe(Detector<S> detector, AnalysisFrame picture) {
        detector.onFrame(detector.initialState(), picture, defect -> { });
    }
}
