package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generator with each {@link VideoEncoding}: what the corruption model's training streams are made with. */
class StreamGeneratorEncodingTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    /** Keyframes every 12 pictures: several in a 2 s stream, and not once a second as by default. */
    private static final double KEYFRAMES = 0.48;

    @TempDir
    Path dir;

    static Stream<VideoEncoding> encodings() {
        return Stream.of(
                VideoEncoding.bitRate(VideoCodec.H264, 300_000, KEYFRAMES, 0),
                VideoEncoding.constantQuantizer(VideoCodec.MPEG4, 6, KEYFRAMES, 0),
                VideoEncoding.bitRate(VideoCodec.MPEG4, 200_000, KEYFRAMES, 2),
                VideoEncoding.constantQuantizer(VideoCodec.MPEG2, 8, KEYFRAMES, 2),
                VideoEncoding.bitRate(VideoCodec.VP8, 300_000, KEYFRAMES, 0),
                VideoEncoding.constantQuantizer(VideoCodec.VP8, 30, KEYFRAMES, 0));
    }

    private static StreamSpec spec(VideoEncoding encoding) {
        return StreamSpec.of(encoding.describe().replace('.', '_'), 11).withSize(WIDTH, HEIGHT).withDuration(2)
                .videoOnly().withEncoding(encoding);
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void generate_eachEncoding_decodesEveryPictureInOrder(VideoEncoding encoding) throws Exception {
        GeneratedStream stream = new StreamGenerator().generate(spec(encoding), dir);
        List<AnalysisFrame> frames = frames(stream.playlist());
        assertEquals(50, frames.size(), encoding.describe() + ": every picture of 2 s at 25 fps decodes");
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).index(), encoding.describe() + ": pictures in order, none missing");
            assertTrue(frames.get(i).decoderErrors().isEmpty(), encoding.describe() + ": picture " + i + " decodes cleanly");
        }
        assertEquals(encoding.codec().hls(), stream.playlist().endsWith("index.m3u8"),
                encoding.describe() + ": HLS where MPEG-TS carries the codec, one Matroska file otherwise");
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void generate_eachEncoding_keyframeAtEveryInterval(VideoEncoding encoding) throws Exception {
        List<AnalysisFrame> frames = frames(new StreamGenerator().generate(spec(encoding), dir).playlist());
        for (AnalysisFrame f : frames) {
            if (f.index() % 12 == 0) {
                assertTrue(f.keyframe(), encoding.describe() + ": picture " + f.index() + " is a forced keyframe");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void generate_sameSpecTwice_sameBytes(VideoEncoding encoding) throws Exception {
        GeneratedStream first = new StreamGenerator().generate(spec(encoding), dir.resolve("a"));
        GeneratedStream second = new StreamGenerator().generate(spec(encoding), dir.resolve("b"));
        List<Path> files = files(first.directory());
        assertFalse(files.isEmpty(), "the stream has files");
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(first.directory().resolve(f)),
                    Files.readAllBytes(second.directory().resolve(f)), encoding.describe() + ": same bytes in " + f);
        }
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void generate_damaged_visibleCorruptionAndCleanTwinIdenticalBefore(VideoEncoding encoding) throws Exception {
        StreamSpec clean = spec(encoding);
        StreamSpec damaged = clean.withId(clean.id() + "-damaged")
                .with(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 0.6, 0.2));
        GeneratedStream d = new StreamGenerator().generate(damaged, dir);
        GeneratedStream c = new StreamGenerator().generate(clean, dir);
        List<Defect> corruption = d.truth().defects().stream()
                .filter(x -> x.type() == DefectType.BLOCK_CORRUPTION).toList();
        assertFalse(corruption.isEmpty(), encoding.describe() + ": the damage shows in the truth");
        double start = corruption.get(0).start();
        assertTrue(start >= 0.48 - 1e-9 && start <= 0.8 + 1e-9,
                encoding.describe() + ": corruption starts at the damage (B-frames shown before it may take it), got "
                        + start);
        List<AnalysisFrame> damagedFrames = frames(d.playlist());
        List<AnalysisFrame> cleanFrames = frames(c.playlist());
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(cleanFrames.get(i).luma(), damagedFrames.get(i).luma(),
                    encoding.describe() + ": picture " + i + ", before the damage, is the clean twin's");
        }
    }

    @Test
    void generate_defaultEncoding_oneKeyframeASecondInHls() throws Exception {
        StreamSpec spec = StreamSpec.of("default", 11).withSize(WIDTH, HEIGHT).withDuration(2).videoOnly();
        assertEquals(VideoEncoding.DEFAULT, spec.encoding(), "a spec encodes as the default unless told otherwise");
        List<AnalysisFrame> frames = frames(new StreamGenerator().generate(spec, dir).playlist());
        assertTrue(frames.get(0).keyframe() && frames.get(25).keyframe(), "keyframes at 0 and 1 s");
    }

    @Test
    void generate_bFramesOnOpenH264_refusedBeforeWriting() {
        assertThrows(IllegalArgumentException.class,
                () -> spec(VideoEncoding.constantQuantizer(VideoCodec.H264, 24, 1.0, 1)),
                "the spec cannot even be made");
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> all = Files.list(directory)) {
            return all.map(directory::relativize).filter(p -> !p.toString().equals(StreamGenerator.TRUTH_FILE))
                    .sorted().toList();
        }
    }

    private static List<AnalysisFrame> frames(Path playable) throws MediaException {
        List<AnalysisFrame> frames = new ArrayList<>();
        MediaOptions options = MediaOptions.defaults().withThumbnailSize(WIDTH, HEIGHT).withAudio(false);
        try (MediaStream media = FfmpegMediaStream.open(playable.toString(), options)) {
            for (MediaSample s = media.next(); s != null; s = media.next()) {
                if (s instanceof AnalysisFrame f) {
                    frames.add(f);
                }
            }
        }
        return frames;
    }
}
