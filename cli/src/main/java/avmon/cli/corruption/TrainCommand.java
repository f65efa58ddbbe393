package avmon.cli.corruption;

import avmon.cli.UserError;
import avmon.cli.detect.ThumbnailSize;
import avmon.core.corruption.CorruptionModel;
import avmon.core.corruption.NetworkShape;
import avmon.core.corruption.train.EncodingMix;
import avmon.core.corruption.train.PictureSize;
import avmon.core.corruption.train.TrainingPlan;
import avmon.core.corruption.train.TrainingReport;
import avmon.core.corruption.train.TrainingRun;
import avmon.core.synth.PictureContent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avmon train}: makes the block-corruption model from a seed. Generates training, validation and test
 * streams, trains the CNN, picks its threshold, scores it on the held-out test streams and writes the weights,
 * their checksum, the description and the training report. Progress goes to standard error, the report to
 * standard output. Takes minutes: run it with {@code nice}; the build never does.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the block-corruption model (DJL, PyTorch on the CPU) from generated, damaged streams, "
                    + "and write it with its training report and checksum."},
        footer = {"", "Example (the committed model):",
            "  taskset -c 1 nice -n 10 avmon train --work /tmp/avmon-train --out core/src/main/resources/avmon/core/corruption/model",
            "Score the model in use on the held-out test streams of that seed:",
            "  nice -n 10 avmon train --evaluate-only",
            "Train, or score, on varied encodings and every content kind:",
            "  taskset -c 1 nice -n 10 avmon train --encodings varied --contents all --work /tmp/varied --out DIR"})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the model files and the report (needed unless --evaluate-only).")
    Path out;

    @Option(names = "--evaluate-only",
            description = {"Do not train: score the model in use (committed, or $AVMON_CORRUPTION_MODEL) on this seed's test streams.",
                    "Its separation of events from clean pictures is measured against the clean validation streams too (see --clean-validation)."})
    boolean evaluateOnly;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Folder for the streams while they are generated (default: a temporary folder).")
    Path work;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the streams, the damage and the training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--streams-per-kind", defaultValue = "24",
            description = "Training streams per picture content; validation and test get half (default: ${DEFAULT-VALUE}).")
    int streamsPerKind;

    @Option(names = "--duration", defaultValue = "4", description = "Seconds per stream (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--stream-sizes", defaultValue = "1280x720,640x360", split = ",", paramLabel = "WxH[,WxH...]",
            converter = ThumbnailSize.Converter.class,
            description = "Picture sizes of the generated streams, used in turn (default: ${DEFAULT-VALUE}).")
    List<ThumbnailSize> streamSizes;

    @Option(names = "--encodings", defaultValue = "default", paramLabel = "MIX",
            description = {"How the streams are encoded: default (H.264 at one quantizer, the committed model's data;",
                "the default) or varied (each stream its own codec, rate, keyframe interval and B-frames)."})
    String encodings;

    @Option(names = "--contents", split = ",", paramLabel = "KIND[,KIND...]|all",
            description = {"Picture contents of the streams, or all (default: the committed model's six, "
                        + "texture,noise,flat,black,text,patterns; all adds graphics)."})
    List<String> contents;

    @Option(names = "--input", defaultValue = "320x180", converter = ThumbnailSize.Converter.class,
            description = "Model input: the analysis picture size (default: ${DEFAULT-VALUE}).")
    ThumbnailSize input;

    @Option(names = "--epochs", defaultValue = "24", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--filters", defaultValue = "8,16,24", split = ",", paramLabel = "N,N,N",
            description = {"Filters of the network's tile layer and its two strided layers "
                        + "(default: ${DEFAULT-VALUE}; the widths are saved with the weights)."})
    List<Integer> filters;

    @Option(names = "--picture-context",
            description = {"Let each region's logit also read the mean of the picture's region features (default: off, "
                        + "as in the committed model; tried in session 7, docs/corruption-model.md)."})
    boolean pictureContext;

    @Option(names = "--reference-pairs",
            description = {"Pair a sixth of the training pictures with the picture 2 before and a sixth with the one "
                        + "3 before, as a detector judging pictures against a clean reference would (default: off, as in the "
                        + "committed model; tried in session 8, docs/corruption-model.md)."})
    boolean referencePairs;

    @Option(names = "--clean-validation", defaultValue = "4", paramLabel = "N",
            description = {"Clean streams of 30 s per picture content on which the threshold may raise no alarm, "
                        + "besides the validation streams (default: ${DEFAULT-VALUE}; 0: none)."})
    int cleanValidation;

    @Option(names = "--freeze-streams", defaultValue = "0", paramLabel = "N",
            description = {"Training streams per moving picture content whose picture stands still for a while, half "
                        + "of them damaged after it; validation and test get half (default: ${DEFAULT-VALUE}; 0: none)."})
    int freezeStreams;

    @Option(names = "--still-damage-streams", defaultValue = "0", paramLabel = "N",
            description = {"Training streams per picture content that never moves (flat, black), damaged across a "
                        + "keyframe, where damage on a still picture shows; validation and test get half (default: ${DEFAULT-VALUE}: "
                        + "none, as in the committed model; tried in session 7)."})
    int stillDamageStreams;

    @Override
    public Integer call() throws IOException {
        // One PyTorch thread: multi-threaded CPU kernels add up floats in a varying order, and the same seed
        // must give the same weights, byte for byte.
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        PrintWriter err = spec.commandLine().getErr();
        TrainingPlan plan;
        NetworkShape shape;
        try {
            plan = new TrainingPlan(seed, streamsPerKind, duration,
                    streamSizes.stream().map(s -> new PictureSize(s.width(), s.height())).toList(),
                    EncodingMix.fromName(encodings), contents(), cleanValidation, freezeStreams, stillDamageStreams);
            shape = new NetworkShape(filters, pictureContext);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
        if (epochs < 1) {
            throw new UserError("--epochs must be at least 1", 2);
        }
        if (out == null && !evaluateOnly) {
            throw new UserError("--out is needed to train (or --evaluate-only to score the model in use)", 2);
        }
        CorruptionModel model = evaluateOnly ? CorruptionModel.shared() : null;
        // Scoring a model feeds it pictures of its own input size.
        ThumbnailSize size = model == null ? input
                : new ThumbnailSize(model.description().inputWidth(), model.description().inputHeight());
        Path folder = work != null ? work : Files.createTempDirectory("avmon-train");
        TrainingRun run = new TrainingRun(plan, size.width(), size.height(), epochs, shape, referencePairs, line -> {
            err.println(line);
            err.flush();
        });
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            if (model != null) {
                stdout.print(TrainingReport.toMarkdown("Test streams of seed " + seed + ", model "
                        + model.description(), run.evaluate(model, folder)));
            } else {
                TrainingReport report = run.run(folder, out);
                stdout.print(report.toMarkdown());
                stdout.println("wrote " + out.toAbsolutePath());
            }
            stdout.flush();
        } finally {
            // A temporary folder goes whatever happened; one the user named keeps its streams for the next run.
            if (work == null) {
                deleteTree(folder);
            }
        }
        return 0;
    }

    /** The content kinds asked for: the committed model's by default, every kind for "all". */
    private List<PictureContent> contents() {
        if (contents == null) {
            return TrainingPlan.COMMITTED_CONTENTS;
        }
        if (contents.size() == 1 && contents.get(0).trim().equalsIgnoreCase("all")) {
            return List.of(PictureContent.values());
        }
        return contents.stream().map(PictureContent::fromName).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
