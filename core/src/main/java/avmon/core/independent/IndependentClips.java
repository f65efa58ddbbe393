package avmon.core.independent;

import avmon.core.detect.Defect;
import avmon.core.evaluate.GroundTruth;
import avmon.core.media.MediaException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes independent clips for {@code avmon evaluate}: {@code <out>/<id>/stream.<ext>} (the damaged clip) beside
 * {@code <out>/<id>/truth.json}. See {@link avmon.core.independent} for why.
 */
public final class IndependentClips {

    /** The media file of a clip inside its folder, without extension. */
    public static final String MEDIA_NAME = "stream";
    private static final String TRUTH = "truth.json";

    private final ClipEncoder encoder = new ClipEncoder();
    private final DecodeComparison comparison = new DecodeComparison();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Consumer<String> progress;

    /** @param progress receives one line per step */
    public IndependentClips(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * The standard set: MPEG-4 Part 2 with B-frames and a 12-picture GOP, MPEG-4 Part 2 with a 4-second GOP,
     * VP8, and H.264 under rate control with 2-second GOPs; 640x360, 12 s each, two damaged ranges per clip.
     */
    public static List<ClipRecipe> standard() {
        return List.of(
                new ClipRecipe("mpeg4-bframes", "mpeg4", "mpegts", "ts", 12, 2, 1_500_000, 640, 360, 12,
                        List.of(range(2.3, 0.3), range(7.1, 0.4))),
                new ClipRecipe("mpeg4-longgop", "mpeg4", "matroska", "mkv", 100, 0, 800_000, 640, 360, 12,
                        List.of(range(1.5, 0.2), range(6.0, 0.3))),
                new ClipRecipe("vp8", "libvpx", "matroska", "mkv", 50, 0, 1_000_000, 640, 360, 12,
                        List.of(range(3.1, 0.2), range(8.0, 0.6))),
                new ClipRecipe("h264-ratecontrol", "libopenh264", "mpegts", "ts", 50, 0, 1_200_000, 640, 360, 12,
                        List.of(range(2.2, 0.3), range(9.0, 0.2))));
    }

    private static ClipRecipe.DamageRange range(double start, double length) {
        return new ClipRecipe.DamageRange(start, start + length);
    }

    /** Writes every recipe's clip under {@code out}; returns their ground truths. */
    public List<GroundTruth> writeAll(List<ClipRecipe> recipes, long seed, Path out) throws IOException {
        List<GroundTruth> truths = new java.util.ArrayList<>();
        for (ClipRecipe recipe : recipes) {
            truths.add(write(recipe, seed, out));
        }
        return truths;
    }

    /** Writes one clip into {@code out/<id>}, replacing what was there. */
    public GroundTruth write(ClipRecipe recipe, long seed, Path out) throws IOException {
        Path dir = Files.createDirectories(out.resolve(recipe.id()));
        Path clean = dir.resolve(".clean." + recipe.extension());
        Path damaged = dir.resolve(MEDIA_NAME + "." + recipe.extension());
        try {
            progress.accept(recipe.id() + ": encoding with " + recipe.codec());
            encoder.encode(recipe, seed, clean);
            int packets = new PacketDamage(seed).copy(clean, damaged, recipe.format(), recipe.damage());
            progress.accept(recipe.id() + ": " + packets + " packets damaged; comparing with the clean decode");
            List<Defect> corruption = comparison.corruption(clean, damaged, recipe.width(), recipe.height());
            GroundTruth truth = new GroundTruth(recipe.id(), seed, recipe.frames() / (double) ClipRecipe.FRAME_RATE,
                    ClipRecipe.FRAME_RATE, recipe.seconds(), true, false, false, corruption);
            json.writeValue(dir.resolve(TRUTH).toFile(), truth);
            return truth;
        } catch (MediaException e) {
            throw new IOException(recipe.id() + ": cannot decode the clip just written: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(clean);
        }
    }
}
