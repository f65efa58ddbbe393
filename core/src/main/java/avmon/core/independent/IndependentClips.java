package avmon.core.independent;

import avmon.core.detect.Defect;
import avmon.core.evaluate.GroundTruth;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

    /**
     * Writes a clip made by another tool into {@code out/<id>}: {@code source} (a clean clip, left as it is) copied
     * into {@code stream.<ext>} with its video packets in {@code damage} damaged, and its ground truth from the
     * comparison of both decodes. The container stays the source's ({@code .ts}, {@code .mkv}, {@code .webm},
     * {@code .mp4}, {@code .mov}). {@code damage} null: 0.3 s from a quarter of the clip and 0.4 s from three
     * fifths.
     *
     * @throws IOException when the source cannot be read or is in another container
     */
    public GroundTruth writeFrom(String id, Path source, List<ClipRecipe.DamageRange> damage, long seed, Path out)
            throws IOException {
        String extension = extension(source);
        String format = muxer(extension);
        if (format == null) {
            throw new IOException(source + ": not a container this can copy (.ts, .mkv, .webm, .mp4, .mov)");
        }
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IOException("clip id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        Path dir = Files.createDirectories(out.resolve(id));
        Path damaged = dir.resolve(MEDIA_NAME + "." + extension);
        try {
            Probe probe = probe(source);
            StreamInfo info = probe.info();
            if (!info.hasVideo()) {
                throw new IOException(source + ": has no video");
            }
            double seconds = probe.seconds();
            List<ClipRecipe.DamageRange> ranges = damage != null ? damage : List.of(
                    new ClipRecipe.DamageRange(seconds * 0.25, seconds * 0.25 + 0.3),
                    new ClipRecipe.DamageRange(seconds * 0.6, seconds * 0.6 + 0.4));
            int packets = new PacketDamage(seed).copy(source, damaged, format, ranges);
            progress.accept(id + ": " + packets + " packets damaged; comparing with the clean decode");
            List<Defect> corruption = comparison.corruption(source, damaged, info.width(), info.height());
            GroundTruth truth = new GroundTruth(id, seed, seconds, info.frameRate(), seconds, true, info.hasAudio(),
                    false, corruption);
            json.writeValue(dir.resolve(TRUTH).toFile(), truth);
            return truth;
        } catch (MediaException e) {
            throw new IOException(id + ": cannot decode " + source + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String muxer(String extension) {
        return switch (extension) {
            case "ts" -> "mpegts";
            case "mkv" -> "matroska";
            case "webm" -> "webm";
            case "mp4" -> "mp4";
            case "mov" -> "mov";
            default -> null;
        };
    }

    /** What the source holds, and where its last picture ends. */
    private record Probe(StreamInfo info, double seconds) {
    }

    /** Reads the source through once: containers do not all say how long they are. */
    private static Probe probe(Path source) throws MediaException {
        try (MediaStream media = FfmpegMediaStream.open(source.toString(), MediaOptions.defaults().withAudio(false))) {
            while (media.next() != null) {
                // Only the end time is wanted.
            }
            return new Probe(media.info(), media.endTime());
        }
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
