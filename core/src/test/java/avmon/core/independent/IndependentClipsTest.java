package avmon.core.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.DefectType;
import avmon.core.detect.DetectorSettings;
import avmon.core.evaluate.DirectoryEvaluator;
import avmon.core.evaluate.EvaluationReport;
import avmon.core.evaluate.Evaluator;
import avmon.core.evaluate.GroundTruth;
import avmon.core.evaluate.SignalScore;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small independent clips (320x180, 4 s): MPEG-4 Part 2 with B-frames, and VP8, each damaged once. */
class IndependentClipsTest {

    private static final double FRAME = 1 / 25.0;

    @TempDir
    static Path dir;

    private static GroundTruth mpeg4;
    private static GroundTruth vp8;
    private static EvaluationReport report;

    private static ClipRecipe small(String id, String codec, String format, String extension, int gop, int bFrames) {
        return new ClipRecipe(id, codec, format, extension, gop, bFrames, 600_000, 320, 180, 4,
                List.of(new ClipRecipe.DamageRange(1.3, 1.5)));
    }

    @BeforeAll
    static void writeAndEvaluate() throws Exception {
        IndependentClips clips = new IndependentClips(line -> { });
        mpeg4 = clips.write(small("mpeg4", "mpeg4", "mpegts", "ts", 12, 2), 3, dir);
        vp8 = clips.write(small("vp8", "libvpx", "matroska", "mkv", 50, 0), 3, dir);
        report = new DirectoryEvaluator(DetectorSettings.DEFAULTS,
                source -> FfmpegMediaStream.open(source, MediaOptions.defaults()), new Evaluator())
                .evaluate(dir, line -> { });
    }

    @Test
    void write_mpeg4WithBFrames_damageShowsFromJustBeforeTheRange() {
        assertEquals(1, mpeg4.defects().size(), () -> "one damaged run: " + mpeg4.defects());
        double start = mpeg4.defects().get(0).start();
        // B-pictures shown before a damaged reference picture are predicted from it: up to two of them.
        assertTrue(start >= 1.3 - 2 * FRAME - 1e-6 && start < 1.5, () -> "damage shows from the range on: " + start);
        assertTrue(Files.isRegularFile(dir.resolve("mpeg4").resolve("stream.ts")), "the damaged clip is stream.ts");
    }

    @Test
    void write_vp8_damageShowsToo() {
        assertFalse(vp8.defects().isEmpty(), "overwritten VP8 bytes corrupt the pictures visibly");
        assertTrue(vp8.defects().stream().allMatch(d -> d.type() == DefectType.BLOCK_CORRUPTION), "only corruption");
    }

    @Test
    void evaluate_mpeg4Clip_decoderErrorsFindTheDamageToTheFrame() {
        assertEquals(List.of(), report.failures(), "both clips decode (stream.ts, stream.mkv)");
        SignalScore decoder = report.signal("decoder_errors");
        var mpeg4Score = report.streams().stream().filter(s -> s.streamId().equals("mpeg4")).findFirst().orElseThrow();

        assertEquals(1, mpeg4Score.matches().size(), () -> "the MPEG-4 damage is found: " + mpeg4Score);
        double startError = mpeg4Score.matches().get(0).startError();
        // The decoder reports the damaged reference picture, not the B-pictures shown before it that use it.
        assertTrue(startError >= -1e-6 && startError <= 2 * FRAME + 1e-6,
                () -> "starts at most the two B-pictures late: " + startError);
        assertEquals(0.0, mpeg4Score.matches().get(0).endError(), 1e-6, "ends on the healing keyframe");
        assertEquals(0, decoder.falseAlarms(), "no false alarm");
    }

    @Test
    void recipe_badValues_rejected() {
        assertThrows(IllegalArgumentException.class, () -> small("no/slash", "mpeg4", "mpegts", "ts", 12, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClipRecipe("odd", "mpeg4", "mpegts", "ts", 12, 0,
                600_000, 321, 180, 4, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ClipRecipe.DamageRange(2, 1));
    }

    @Test
    void write_unknownEncoder_ioErrorNamingIt() {
        IOException e = assertThrows(IOException.class, () -> new IndependentClips(line -> { })
                .write(small("nope", "no-such-encoder", "mpegts", "ts", 12, 0), 1, dir));
        assertTrue(e.getMessage().contains("no-such-encoder"), e.getMessage());
    }

    @Test
    void writeFrom_clipMadeElsewhere_damagedCopyWithTruth(@TempDir Path work) throws Exception {
        Path source = work.resolve("made-elsewhere.mkv");
        new ClipEncoder().encode(small("elsewhere", "libvpx", "matroska", "mkv", 50, 0), 5, source);
        byte[] before = Files.readAllBytes(source);

        GroundTruth truth = new IndependentClips(line -> { }).writeFrom("elsewhere", source,
                List.of(new ClipRecipe.DamageRange(1.3, 1.5)), 3, work.resolve("out"));

        assertEquals(1, truth.defects().size(), () -> "one damaged run: " + truth.defects());
        double start = truth.defects().get(0).start();
        assertTrue(start >= 1.3 - 1e-6 && start < 1.5, () -> "damage shows from the range on: " + start);
        assertEquals(25.0, truth.frameRate(), 1e-6, "the clip's frame rate");
        assertEquals(4.0, truth.duration(), 0.05, "the clip's length");
        assertTrue(Files.isRegularFile(work.resolve("out/elsewhere/stream.mkv")), "the damaged copy, same container");
        assertTrue(Files.isRegularFile(work.resolve("out/elsewhere/truth.json")), "its truth");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(source)), "the source is left as it was");
    }

    @Test
    void writeFrom_noDamageGiven_twoRangesAQuarterAndThreeFifthsIn(@TempDir Path work) throws Exception {
        Path source = work.resolve("clean.mkv");
        new ClipEncoder().encode(small("clean", "libvpx", "matroska", "mkv", 50, 0), 5, source);

        GroundTruth truth = new IndependentClips(line -> { }).writeFrom("clean", source, null, 3, work);

        // Keyframes every 2 s: damage at 1.0 s lasts to the keyframe at 2 s, damage at 2.4 s to the end.
        assertEquals(2, truth.defects().size(), () -> "two damaged runs: " + truth.defects());
        assertEquals(1.0, truth.defects().get(0).start(), 0.1, "the first from a quarter of the clip");
        assertEquals(2.4, truth.defects().get(1).start(), 0.1, "the second from three fifths");
    }

    @Test
    void writeFrom_otherContainerOrMissingFile_ioErrorNamingIt(@TempDir Path work) throws IOException {
        IndependentClips clips = new IndependentClips(line -> { });
        Path avi = Files.writeString(work.resolve("clip.avi"), "x");
        IOException container = assertThrows(IOException.class, () -> clips.writeFrom("a", avi, null, 1, work));
        assertTrue(container.getMessage().contains("clip.avi") && container.getMessage().contains(".mkv"),
                container.getMessage());
        Path missing = work.resolve("missing.ts");
        IOException absent = assertThrows(IOException.class, () -> clips.writeFrom("b", missing, null, 1, work));
        assertTrue(absent.getMessage().contains("missing.ts"), absent.getMessage());
    }
}
