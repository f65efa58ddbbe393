package avmon.cli.clips;

import avmon.cli.UserError;
import avmon.core.detect.Defect;
import avmon.core.evaluate.GroundTruth;
import avmon.core.independent.ClipRecipe;
import avmon.core.independent.IndependentClips;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avmon clips}: writes damaged test clips made without the project's generator (other encoders, GOPs,
 * B-frames, containers, colour content), each with its ground truth, for {@code avmon evaluate}.
 */
@Command(name = "clips", mixinStandardHelpOptions = true,
        description = {"Write damaged clips made independently of the generator, with ground truth.",
            "MPEG-4 Part 2 (B-frames; long GOP), VP8 and rate-controlled H.264, encoded with JavaCV's",
            "FFmpegFrameRecorder, damaged by overwriting packet bytes; score them with avmon evaluate DIR."},
        footer = {"", "Example:", "  avmon clips --out clips && avmon evaluate clips"})
public final class ClipsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the clips into.")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the content and damage (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        IndependentClips clips = new IndependentClips(line -> {
            err.println(line);
            err.flush();
        });
        for (ClipRecipe recipe : IndependentClips.standard()) {
            try {
                GroundTruth truth = clips.write(recipe, seed, out);
                stdout.println(describe(recipe, truth));
                stdout.flush();
            } catch (IOException e) {
                throw new UserError(e.getMessage());
            }
        }
        return 0;
    }

    private static String describe(ClipRecipe recipe, GroundTruth truth) {
        List<Defect> defects = truth.defects();
        String damage = defects.isEmpty() ? "no visible damage" : defects.stream()
                .map(d -> String.format(Locale.ROOT, "%.2f-%s", d.start(),
                        d.end() == null ? "end" : String.format(Locale.ROOT, "%.2f", d.end())))
                .collect(Collectors.joining(", ", "block_corruption ", ""));
        return String.format(Locale.ROOT, "wrote %s (%s, GOP %d, %d B-frames, %s): %s", recipe.id(), recipe.codec(),
                recipe.gop(), recipe.bFrames(), recipe.format(), damage);
    }
}
