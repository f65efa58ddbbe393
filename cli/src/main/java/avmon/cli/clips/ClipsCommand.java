package avmon.cli.clips;

import avmon.cli.UserError;
import avmon.core.detect.Defect;
import avmon.core.evaluate.GroundTruth;
import avmon.core.independent.ClipRecipe;
import avmon.core.independent.IndependentClips;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
            "MPEG-4 Part 2 (B-frames; long GOP), VP8 and rate-controlled H.264, encoded with JavaCV's "
                    + "FFmpegFrameRecorder, damaged by overwriting packet bytes; score them with avmon evaluate DIR."},
        footer = {"", "Examples:", "  avmon clips --out clips && avmon evaluate clips",
            "  avmon clips --from made-elsewhere.mkv --damage 2.0-2.3,6.0-6.4 --out clips"})
public final class ClipsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the clips into.")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the content and damage (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Instead of the standard set, damage this clean clip, made by another tool, and write it"
                    + " with its ground truth as DIR/<its file name without extension>.")
    Path from;

    @Option(names = "--damage", split = ",", paramLabel = "START-END",
            description = "With --from: seconds whose video packets are damaged (default: 0.3 s at a quarter and"
                    + " 0.4 s at three fifths of the clip).")
    List<String> damage;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        IndependentClips clips = new IndependentClips(line -> {
            err.println(line);
            err.flush();
        });
        if (from != null) {
            return writeFrom(clips, stdout);
        }
        if (damage != null) {
            throw new UserError("--damage goes with --from", 2);
        }
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

    private int writeFrom(IndependentClips clips, PrintWriter stdout) {
        List<ClipRecipe.DamageRange> ranges = damage == null ? null : damage.stream().map(ClipsCommand::range).toList();
        if (!Files.isRegularFile(from)) {
            throw new UserError(from + ": no such file");
        }
        String name = from.getFileName().toString();
        String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        try {
            GroundTruth truth = clips.writeFrom(id, from, ranges, seed, out);
            stdout.println(String.format(Locale.ROOT, "wrote %s (from %s): %s", id, from, describe(truth)));
            stdout.flush();
            return 0;
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** "2.0-2.3" as a damage range. */
    static ClipRecipe.DamageRange range(String text) {
        String[] ends = text.trim().split("-");
        try {
            if (ends.length == 2) {
                return new ClipRecipe.DamageRange(Double.parseDouble(ends[0]), Double.parseDouble(ends[1]));
            }
        } catch (IllegalArgumentException e) {
            throw new UserError("--damage " + text + ": " + e.getMessage(), 2);
        }
        throw new UserError("--damage " + text + ": expected START-END in seconds, like 2.0-2.3", 2);
    }

    private static String describe(ClipRecipe recipe, GroundTruth truth) {
        return String.format(Locale.ROOT, "wrote %s (%s, GOP %d, %d B-frames, %s): %s", recipe.id(), recipe.codec(),
                recipe.gop(), recipe.bFrames(), recipe.format(), describe(truth));
    }

    private static String describe(GroundTruth truth) {
        List<Defect> defects = truth.defects();
        return defects.isEmpty() ? "no visible damage" : defects.stream()
                .map(d -> String.format(Locale.ROOT, "%.2f-%s", d.start(),
                        d.end() == null ? "end" : String.format(Locale.ROOT, "%.2f", d.end())))
                .collect(Collectors.joining(", ", "block_corruption ", ""));
    }
}
