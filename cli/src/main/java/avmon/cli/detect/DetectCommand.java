package avmon.cli.detect;

import avmon.cli.CliErrors;
import avmon.cli.UserError;
import avmon.core.detect.Defect;
import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import avmon.core.detect.StreamAnalyzer;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import java.io.PrintWriter;
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
 * {@code avmon detect}: decodes each source and prints defects as the detectors find them, then a summary
 * line per source. A source that cannot be read gets one line on standard error and does not stop the
 * others; the exit code is 1 when any failed.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Find freeze, black, silence, A/V sync and block corruption defects in streams.",
            "SOURCE is anything FFmpeg reads: a file, an HLS playlist, a single .ts segment, a URL."})
public final class DetectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Streams to analyse.")
    List<String> sources;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Option(names = "--detectors", split = ",", paramLabel = "NAME",
            defaultValue = "freeze,black,silence,av_sync,decoder_errors",
            description = "Detectors to run (default: ${DEFAULT-VALUE}).")
    List<String> detectorNames;

    @Option(names = "--thumb", paramLabel = "WxH", defaultValue = "160x90", converter = ThumbnailSize.Converter.class,
            description = "Size of the gray analysis pictures (default: ${DEFAULT-VALUE}).")
    ThumbnailSize thumbnail;

    @Mixin
    DetectorOptions thresholds;

    @Override
    public Integer call() {
        List<Detector<?>> detectors = selectedDetectors();
        PrintWriter err = spec.commandLine().getErr();
        DefectPrinter printer = DefectPrinter.of(json, spec.commandLine().getOut());
        int failed = 0;
        for (String source : sources) {
            try {
                detect(source, detectors, printer);
            } catch (MediaException e) {
                err.println("avmon: " + e.getMessage());
                err.flush();
                failed++;
            }
        }
        return failed == 0 ? 0 : CliErrors.INPUT_FAILED;
    }

    private List<Detector<?>> selectedDetectors() {
        DetectorSettings settings = thresholds.settings();
        try {
            return settings.detectors(detectorNames);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private void detect(String source, List<Detector<?>> detectors, DefectPrinter printer) throws MediaException {
        boolean needsAudio = detectors.stream().anyMatch(Detector::usesAudio);
        MediaOptions options = MediaOptions.defaults().withThumbnailSize(thumbnail.width(), thumbnail.height())
                .withAudio(needsAudio);
        try (MediaStream stream = FfmpegMediaStream.open(source, options)) {
            List<Detector<?>> runnable = runnableOn(stream.info(), detectors);
            printer.start(stream.info(), runnable.stream().map(Detector::name).toList());
            List<Defect> found = new ArrayList<>();
            StreamAnalyzer analyzer = new StreamAnalyzer(runnable, defect -> {
                found.add(defect);
                printer.defect(source, defect);
            });
            analyzer.run(stream);
            printer.summary(source, found, stream.endTime());
        }
    }

    /**
     * The detectors this input can feed. A stream without audio runs the video detectors and one without
     * video the audio detectors, with a note that says so; only when none of the detectors asked for can
     * run is the input a failure.
     */
    private List<Detector<?>> runnableOn(StreamInfo info, List<Detector<?>> detectors) throws MediaException {
        List<Detector<?>> runnable = DetectorSettings.applicable(detectors, info.hasVideo(), info.hasAudio());
        String missing = info.hasVideo() ? "no audio stream" : "no video stream (audio only)";
        if (runnable.isEmpty()) {
            throw new MediaException(MediaException.Reason.NO_USABLE_STREAM, info.source(), info.source() + ": "
                    + missing + "; none of the detectors asked for can run on it");
        }
        if (runnable.size() < detectors.size()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("avmon: " + info.source() + ": " + missing + "; running the "
                    + (info.hasVideo() ? "video" : "audio") + " detectors only ("
                    + String.join(", ", runnable.stream().map(Detector::name).toList()) + ")");
            err.flush();
        }
        return runnable;
    }
}
