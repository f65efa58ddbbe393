package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.evaluate.GroundTruth;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamGeneratorTest {

    /** FFmpeg freezedetect's default noise: mean absolute difference over the range, 0.001. */
    private static final double FREEZE_NOISE = 0.001;

    @TempDir
    static Path dir;
    /** Segments are 2 s: every defect here crosses a segment boundary (at 2, 4 or 6 s). */
    static final StreamSpec ACROSS_BOUNDARIES = StreamSpec.of("across", 5).withSize(320, 180).withDuration(10)
            .with(InjectedDefect.of(DefectType.FREEZE, 1.5, 2.9),
                    InjectedDefect.of(DefectType.SILENCE, 3.1, 2.3),
                    InjectedDefect.of(DefectType.BLACK, 5.0, 2.2),
                    InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 7.8, 0.4));
    static GeneratedStream across;
    /** 5 s: texture, text, texture of another seed, 2.12 s of black, flat gray; cuts left to the encoder. */
    static final StreamSpec CUTS = StreamSpec.of("cuts", 5).withSize(320, 180).withDuration(5).videoOnly()
            .withCuts(new SceneCut(1.0, PictureContent.TEXT, 5), new SceneCut(2.0, PictureContent.TEXTURE, 9),
                    new SceneCut(2.6, PictureContent.BLACK, 5), new SceneCut(4.72, PictureContent.FLAT, 5));
    static GeneratedStream cuts;

    @BeforeAll
    static void generate() throws IOException {
        across = new StreamGenerator().generate(ACROSS_BOUNDARIES, dir.resolve("a"));
        cuts = new StreamGenerator().generate(CUTS, dir.resolve("e"));
    }

    private static Defect only(GroundTruth truth, DefectType type, double start) {
        return truth.defects().stream().filter(d -> d.type() == type && Math.abs(d.start() - start) < 0.05)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " near " + start + " in " + truth));
    }

    @Test
    void generate_defectsAcrossSegmentBoundaries_truthAtInjectedTimes() {
        GroundTruth truth = across.truth();
        Defect freeze = only(truth, DefectType.FREEZE, 1.5);
        assertEquals(1.52, freeze.start(), 1e-9, "freeze starts on the first picture at or after 1.5 s");
        assertEquals(4.4, freeze.end(), 1e-9, "freeze ends on the first picture after 4.4 s");
        Defect silence = only(truth, DefectType.SILENCE, 3.1);
        assertEquals(3.1, silence.start(), 1e-9, "silence start in samples' time");
        assertEquals(5.4, silence.end(), 1e-9, "silence end in samples' time");
        Defect black = only(truth, DefectType.BLACK, 5.0);
        assertEquals(7.2, black.end(), 1e-9, "black end");
        Defect blackFreeze = only(truth, DefectType.FREEZE, 5.0);
        assertEquals(7.2, blackFreeze.end(), 1e-9, "a black stretch is listed as a freeze too");
        Defect corruption = only(truth, DefectType.BLOCK_CORRUPTION, 7.8);
        assertEquals(7.8, corruption.start(), 1e-9, "corruption shows from the first damaged picture");
        assertEquals(9.0, corruption.end(), 1e-9,
                "the damage covers the keyframe at 8.0 s too, so it shows until the intact one at 9.0 s");
        assertEquals(5, truth.defects().size(), "nothing else: " + truth.defects());
        assertEquals(5, across.segments(), "10 s in 2 s segments");
    }

    @Test
    void generate_truthFile_readsBackAsTheSameTruth() throws IOException {
        GroundTruth read = new ObjectMapper().readValue(across.directory().resolve("truth.json").toFile(),
                GroundTruth.class);
        assertEquals(across.truth(), read, "truth.json round-trips");
    }

    @Test
    void generate_playlist_hasTwoSecondSegmentsAndEndList() throws IOException {
        String playlist = Files.readString(across.playlist());
        assertEquals(5, playlist.lines().filter(l -> l.equals("#EXTINF:2.000000,")).count(),
                "every segment is 2 s: " + playlist);
        assertTrue(playlist.contains("#EXT-X-ENDLIST"), "a VOD playlist");
    }

    @Test
    void generate_sameSeed_sameTruthAndPictures() throws Exception {
        GeneratedStream again = new StreamGenerator().generate(ACROSS_BOUNDARIES, dir.resolve("b"));
        assertEquals(across.truth(), again.truth(), "same truth");
        List<AnalysisFrame> first = frames(across);
        List<AnalysisFrame> second = frames(again);
        assertEquals(first.size(), second.size(), "same number of pictures");
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i).luma(), second.get(i).luma(), "picture " + i);
        }
        for (int n = 0; n < across.segments(); n++) {
            String name = String.format("seg%05d.ts", n);
            assertArrayEquals(Files.readAllBytes(across.directory().resolve(name)),
                    Files.readAllBytes(again.directory().resolve(name)), "same bytes in " + name);
        }
    }

    @Test
    void generate_otherSeed_otherPictures() throws Exception {
        GeneratedStream other = new StreamGenerator().generate(ACROSS_BOUNDARIES.withSeed(6), dir.resolve("c"));
        assertTrue(!java.util.Arrays.equals(frames(across).get(0).luma(), frames(other).get(0).luma()),
                "the seed changes the picture content");
    }

    @Test
    void generate_freeze_decodedPicturesStayWithinFreezeNoise() throws Exception {
        List<AnalysisFrame> frames = frames(across);
        Defect freeze = only(across.truth(), DefectType.FREEZE, 1.5);
        AnalysisFrame reference = at(frames, freeze.start());
        for (AnalysisFrame f : frames) {
            double difference = meanDifference(reference, f);
            if (f.time() >= freeze.start() && f.time() < freeze.end() - 1e-6) {
                assertTrue(difference <= FREEZE_NOISE / 2,
                        "frozen picture at " + f.time() + " differs by " + difference + ", even across keyframes");
            }
        }
        assertTrue(meanDifference(reference, at(frames, freeze.start() - 0.04)) > FREEZE_NOISE,
                "the picture before the freeze moves");
        assertTrue(meanDifference(reference, at(frames, freeze.end())) > FREEZE_NOISE,
                "the picture after the freeze moves");
    }

    @Test
    void generate_moving_everyPictureDiffersFromTheLast() throws Exception {
        List<AnalysisFrame> frames = frames(across);
        for (int i = 1; i < frames.size(); i++) {
            double t = frames.get(i).time();
            // Frozen pictures do not move, nor do concealed ones (concealment copies the last picture).
            boolean still = across.truth().defects().stream().anyMatch(d -> t > d.start() && t < d.end() + 1e-6
                    && (d.type() == DefectType.FREEZE || d.type() == DefectType.BLOCK_CORRUPTION));
            if (!still) {
                assertTrue(meanDifference(frames.get(i - 1), frames.get(i)) > FREEZE_NOISE * 4,
                        "moving content changes between pictures at " + t);
            }
        }
    }

    @Test
    void generate_blackContent_everyDecodedPixelIsBlack() throws Exception {
        StreamSpec black = StreamSpec.of("black-content", 5).withSize(160, 90).withDuration(1).videoOnly()
                .withContent(PictureContent.BLACK);
        List<AnalysisFrame> frames = frames(new StreamGenerator().generate(black, dir.resolve("d")));
        assertEquals(25, frames.size(), "one second at 25 fps");
        for (AnalysisFrame f : frames) {
            for (byte b : f.luma()) {
                assertTrue((b & 0xff) <= 20, "picture " + f.index() + " has luma " + (b & 0xff) + ", above black");
            }
        }
    }

    @Test
    void generate_sceneCuts_decodedPicturesChangeMostAtTheCuts() throws Exception {
        List<AnalysisFrame> frames = frames(cuts);
        List<Double> times = cuts.truth().sceneCuts();
        assertEquals(List.of(1.0, 2.0, 2.6, 4.72), times, "the cuts in the truth");
        assertEquals(CUTS.frameCount(), frames.size(), "every picture decoded");

        double largestInShot = 0;
        for (int i = 1; i < frames.size(); i++) {
            double t = frames.get(i).time();
            if (times.stream().noneMatch(c -> Math.abs(c - t) < 0.01)) {
                largestInShot = Math.max(largestInShot, meanDifference(frames.get(i - 1), frames.get(i)));
            }
        }
        for (double cut : times) {
            double change = meanDifference(at(frames, cut - 0.04), at(frames, cut));
            assertTrue(change > 2 * largestInShot, "the picture at the cut at " + cut + " s changes by " + change
                    + ", more than twice the most two pictures of one shot differ (" + largestInShot + ")");
        }
    }

    @Test
    void generate_sceneCutToBlack_blackFromTheCutAndTheTruthSaysSo() throws Exception {
        for (AnalysisFrame f : frames(cuts)) {
            boolean blackShot = f.time() >= 2.6 - 1e-6 && f.time() < 4.72 - 1e-6;
            int brightest = 0;
            for (byte b : f.luma()) {
                brightest = Math.max(brightest, b & 0xff);
            }
            assertEquals(blackShot, brightest <= 20, "picture at " + f.time() + " s, brightest luma " + brightest
                    + ": black exactly from the cut at 2.6 s to the cut at 4.72 s");
        }
        assertEquals(List.of(new Defect(DefectType.FREEZE, 2.6, 4.72, null, null),
                new Defect(DefectType.BLACK, 2.6, 4.72, null, null)), cuts.truth().defects(),
                "the black shot is black and frozen, and no cut is a defect");
    }

    @Test
    void generate_silence_samplesQuietExactlyInTheRange() throws Exception {
        Defect silence = only(across.truth(), DefectType.SILENCE, 3.1);
        // The longest run of samples under -60 dBFS, as silencedetect sees it.
        double runStart = Double.NaN;
        double longestStart = Double.NaN;
        double longestEnd = Double.NaN;
        try (MediaStream stream = FfmpegMediaStream.open(across.playlist().toString(), MediaOptions.defaults())) {
            for (MediaSample s = stream.next(); s != null; s = stream.next()) {
                if (s instanceof AudioBuffer a) {
                    for (int k = 0; k < a.frameCount(); k++) {
                        double t = a.time() + (double) k / a.sampleRate();
                        boolean quiet = Math.abs(a.samples()[k * a.channels()]) < 0.001;
                        if (quiet && Double.isNaN(runStart)) {
                            runStart = t;
                        } else if (!quiet && !Double.isNaN(runStart)) {
                            if (Double.isNaN(longestStart) || t - runStart > longestEnd - longestStart) {
                                longestStart = runStart;
                                longestEnd = t;
                            }
                            runStart = Double.NaN;
                        }
                    }
                }
            }
        }
        assertEquals(silence.start(), longestStart, 0.025, "decoded audio goes quiet where the truth says");
        assertEquals(silence.end(), longestEnd, 0.025, "decoded audio comes back where the truth says");
    }

    @Test
    void generate_syncPattern_beepsStartWithFlashesExceptWhereShifted() throws Exception {
        StreamSpec spec = StreamSpec.of("sync", 3).withSize(320, 180).withDuration(6).withSyncPattern()
                .with(InjectedDefect.avSync(2.2, 2.0, 0.12));
        GeneratedStream sync = new StreamGenerator().generate(spec, dir.resolve("s"));
        Defect truth = sync.truth().defects().get(0);
        assertEquals(2.52, truth.start(), 1e-9, "first shifted flash");
        assertEquals(4.52, truth.end(), 1e-9, "first flash in sync again");
        List<Double> flashes = new ArrayList<>();
        List<Double> beeps = new ArrayList<>();
        double lastLoud = -1;
        try (MediaStream stream = FfmpegMediaStream.open(sync.playlist().toString(), MediaOptions.defaults())) {
            for (MediaSample s = stream.next(); s != null; s = stream.next()) {
                if (s instanceof AnalysisFrame f && mean(f) > 200 && (flashes.isEmpty()
                        || f.time() - flashes.get(flashes.size() - 1) > 0.5)) {
                    flashes.add(f.time());
                } else if (s instanceof AudioBuffer a) {
                    for (int k = 0; k < a.frameCount(); k++) {
                        double t = a.time() + (double) k / a.sampleRate();
                        if (Math.abs(a.samples()[k * a.channels()]) >= 0.0316) {   // -30 dBFS
                            if (t - lastLoud > 0.5) {
                                beeps.add(t);
                            }
                            lastLoud = t;
                        }
                    }
                }
            }
        }
        assertEquals(List.of(0.52, 1.52, 2.52, 3.52, 4.52, 5.52), flashes.stream().map(StreamGeneratorTest::ms).toList(),
                "a flash a second");
        assertEquals(flashes.size(), beeps.size(), "a beep per flash: " + beeps);
        for (int k = 0; k < flashes.size(); k++) {
            double expected = truth.start() <= flashes.get(k) && flashes.get(k) < truth.end() ? 0.12 : 0;
            assertEquals(expected, beeps.get(k) - flashes.get(k), 0.005, "offset of beep " + k);
        }
    }

    private static double ms(double t) {
        return Math.round(t * 1000) / 1000.0;
    }

    private static List<AnalysisFrame> frames(GeneratedStream stream) throws MediaException {
        List<AnalysisFrame> frames = new ArrayList<>();
        try (MediaStream s = FfmpegMediaStream.open(stream.playlist().toString(),
                MediaOptions.defaults().withAudio(false))) {
            for (MediaSample m = s.next(); m != null; m = s.next()) {
                frames.add((AnalysisFrame) m);
            }
        }
        return frames;
    }

    private static AnalysisFrame at(List<AnalysisFrame> frames, double t) {
        AnalysisFrame found = frames.stream().filter(f -> Math.abs(f.time() - t) < 0.01).findFirst().orElse(null);
        assertNotNull(found, "a picture at " + t);
        return found;
    }

    /** freezedetect's measure: mean absolute difference over the picture, as a fraction of the range. */
    private static double meanDifference(AnalysisFrame a, AnalysisFrame b) {
        long sum = 0;
        for (int i = 0; i < a.luma().length; i++) {
            sum += Math.abs((a.luma()[i] & 0xff) - (b.luma()[i] & 0xff));
        }
        return (double) sum / a.luma().length / 256;
    }

    private static double mean(AnalysisFrame f) {
        long sum = 0;
        for (byte b : f.luma()) {
            sum += b & 0xff;
        }
        return (double) sum / f.luma().length;
    }
}
