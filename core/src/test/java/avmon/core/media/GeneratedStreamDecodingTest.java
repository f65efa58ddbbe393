package avmon.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.synth.GeneratedStream;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.StreamGenerator;
import avmon.core.synth.StreamSpec;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding streams from the generator: playlists, lone segments, HTTP, damage, truncation, one-track streams. */
class GeneratedStreamDecodingTest {

    @TempDir
    static Path dir;
    static GeneratedStream damaged;
    static GeneratedStream audioOnly;
    static GeneratedStream videoOnly;
    static HttpServer http;

    @BeforeAll
    static void generate() throws IOException {
        StreamGenerator generator = new StreamGenerator();
        StreamSpec base = StreamSpec.of("damaged", 11).withSize(320, 180).withDuration(6);
        damaged = generator.generate(base.with(InjectedDefect.of(DefectType.BLOCK_CORRUPTION, 3.3, 0.3)), dir);
        audioOnly = generator.generate(base.withId("audio-only").audioOnly(), dir);
        videoOnly = generator.generate(base.withId("video-only").videoOnly(), dir);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(file, body);
                }
            }
            exchange.close();
        });
        http.start();
    }

    @AfterAll
    static void stopHttp() {
        http.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + path;
    }

    private static Path segment(GeneratedStream stream, int n) {
        return stream.directory().resolve(String.format("seg%05d.ts", n));
    }

    @Test
    void next_playlist_givesEveryPictureWithAudioInStreamTime() throws Exception {
        Decoded d = Decoded.of(damaged.playlist().toString(), MediaOptions.defaults());
        assertEquals(150, d.frames().size(), "6 s at 25 fps");
        for (int i = 0; i < d.frames().size(); i++) {
            assertEquals(i / 25.0, d.frames().get(i).time(), 1e-6, "time of picture " + i);
        }
        assertEquals(6.0, d.audioSeconds(), 0.05, "six seconds of audio (plus priming)");
        assertEquals(3, damaged.segments(), "three 2-second segments");
    }

    @Test
    void next_damagedStream_decoderErrorsOnlyOnCorruptedPictures() throws Exception {
        Defect truth = damaged.truth().defects().stream()
                .filter(d -> d.type() == DefectType.BLOCK_CORRUPTION).findFirst().orElseThrow();
        Decoded d = Decoded.of(damaged.playlist().toString(), MediaOptions.defaults());
        List<AnalysisFrame> withErrors = d.frames().stream().filter(f -> !f.decoderErrors().isEmpty()).toList();
        assertFalse(withErrors.isEmpty(), "the damaged packets make the decoder complain");
        for (AnalysisFrame f : withErrors) {
            assertTrue(f.time() >= truth.start() - 1e-6 && f.time() < truth.end(),
                    "picture at " + f.time() + " with errors " + f.decoderErrors() + " lies in the damaged range "
                            + truth.start() + ".." + truth.end());
        }
        List<String> first = withErrors.get(0).decoderErrors();
        assertTrue(first.stream().anyMatch(e -> e.startsWith("error while decoding MB")),
                "the first damaged picture carries the decoder's error: " + first);
        assertTrue(first.stream().anyMatch(e -> e.startsWith("concealing ")),
                "and the concealment's summary: " + first);
    }

    @Test
    void next_twoStreamsOnTwoThreads_eachKeepsItsOwnDecoderErrors() throws Exception {
        List<List<String>> alone = errorsPerPicture(damaged);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var damagedRun = pool.submit(() -> errorsPerPicture(damaged));
            var cleanRun = pool.submit(() -> errorsPerPicture(videoOnly));
            assertEquals(alone, damagedRun.get(), "the damaged stream's errors, with another decode running");
            assertTrue(cleanRun.get().stream().allMatch(List::isEmpty),
                    "none of them lands on the clean stream decoded at the same time");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<String>> errorsPerPicture(GeneratedStream stream) throws MediaException {
        return Decoded.of(stream.playlist().toString(), MediaOptions.defaults().withAudio(false)).frames().stream()
                .map(AnalysisFrame::decoderErrors).toList();
    }

    @Test
    void next_laterSegmentWithOrigin_sameTimesAndPicturesAsPlaylist() throws Exception {
        double origin;
        try (FfmpegMediaStream first = FfmpegMediaStream.open(segment(damaged, 0).toString(), MediaOptions.defaults())) {
            origin = first.origin();
        }
        Decoded whole = Decoded.of(damaged.playlist().toString(), MediaOptions.defaults());
        List<AnalysisFrame> pieces = new ArrayList<>();
        for (int n = 0; n < damaged.segments(); n++) {
            pieces.addAll(Decoded.of(segment(damaged, n).toString(),
                    MediaOptions.defaults().withStreamOrigin(origin)).frames());
        }
        assertEquals(whole.frames().size(), pieces.size(), "segment by segment gives every picture");
        for (int i = 0; i < pieces.size(); i++) {
            AnalysisFrame a = whole.frames().get(i);
            AnalysisFrame b = pieces.get(i);
            assertEquals(a.time(), b.time(), 1e-9, "time of picture " + i);
            assertEquals(a.index(), b.index(), "index of picture " + i);
            assertArrayEquals(a.luma(), b.luma(), "pixels of picture " + i);
            assertEquals(a.decoderErrors(), b.decoderErrors(), "decoder errors of picture " + i);
        }
    }

    @Test
    void next_http_sameAsLocalFile() throws Exception {
        Decoded local = Decoded.of(damaged.playlist().toString(), MediaOptions.defaults());
        Decoded remote = Decoded.of(url("damaged/index.m3u8"), MediaOptions.defaults());
        assertEquals(local.frames().size(), remote.frames().size(), "same pictures over HTTP");
        assertArrayEquals(local.frames().get(100).luma(), remote.frames().get(100).luma(), "same pixels over HTTP");
    }

    @Test
    void open_http404_isNotFound() {
        MediaException e = assertThrows(MediaException.class,
                () -> FfmpegMediaStream.open(url("nowhere/seg00000.ts"), MediaOptions.defaults()));
        assertEquals(MediaException.Reason.NOT_FOUND, e.reason(), e.getMessage());
    }

    @Test
    void next_truncatedSegment_givesWhatDecodesThenReadFailed() throws Exception {
        byte[] whole = Files.readAllBytes(segment(damaged, 2));
        Path cut = Files.write(dir.resolve("cut.ts"), java.util.Arrays.copyOf(whole, whole.length / 2));
        List<AnalysisFrame> frames = new ArrayList<>();
        try (MediaStream stream = FfmpegMediaStream.open(cut.toString(), MediaOptions.defaults())) {
            MediaException e = assertThrows(MediaException.class, () -> {
                for (MediaSample s = stream.next(); s != null; s = stream.next()) {
                    if (s instanceof AnalysisFrame f) {
                        frames.add(f);
                    }
                }
            });
            assertEquals(MediaException.Reason.READ_FAILED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), "says the input looks cut: " + e.getMessage());
        }
        assertTrue(frames.size() > 5 && frames.size() < 50, "the pictures before the cut came out: " + frames.size());
    }

    @Test
    void next_missingSegmentInPlaylist_readFailed() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("holey"));
        for (String name : List.of("index.m3u8", "seg00000.ts", "seg00002.ts")) {
            Files.copy(damaged.directory().resolve(name), copy.resolve(name));
        }
        MediaException e = assertThrows(MediaException.class,
                () -> Decoded.of(copy.resolve("index.m3u8").toString(), MediaOptions.defaults()));
        assertEquals(MediaException.Reason.READ_FAILED, e.reason(), e.getMessage());
    }

    @Test
    void open_audioOnly_infoSaysNoVideoAndAudioDecodes() throws Exception {
        try (MediaStream stream = FfmpegMediaStream.open(audioOnly.playlist().toString(), MediaOptions.defaults())) {
            assertFalse(stream.info().hasVideo(), "no video");
            assertTrue(stream.info().hasAudio(), "audio");
            Decoded d = Decoded.drain(stream);
            assertTrue(d.frames().isEmpty(), "no pictures");
            assertEquals(6.0, d.audioSeconds(), 0.05, "all of the audio");
        }
    }

    @Test
    void open_videoOnly_infoSaysNoAudioAndPicturesDecode() throws Exception {
        try (MediaStream stream = FfmpegMediaStream.open(videoOnly.playlist().toString(), MediaOptions.defaults())) {
            assertTrue(stream.info().hasVideo(), "video");
            assertFalse(stream.info().hasAudio(), "no audio");
            Decoded d = Decoded.drain(stream);
            assertEquals(150, d.frames().size(), "every picture");
            assertTrue(d.audio().isEmpty(), "no audio buffers");
        }
    }

    @Test
    void next_playlist_flagsTheForcedKeyframesAndFewOthers() throws Exception {
        Decoded d = Decoded.of(videoOnly.playlist().toString(), MediaOptions.defaults());
        List<AnalysisFrame> keyframes = d.frames().stream().filter(AnalysisFrame::keyframe).toList();
        for (AnalysisFrame f : d.frames()) {
            if (f.index() % 25 == 0) {
                assertTrue(f.keyframe(), "the generator forces a keyframe at " + f.time() + " s");
            }
        }
        assertTrue(keyframes.size() < d.frames().size() / 4,
                () -> "predicted pictures are not keyframes: " + keyframes.size() + " of " + d.frames().size());
    }

    @Test
    void next_keyframesOnly_onePicturePerSecond() throws Exception {
        Decoded d = Decoded.of(videoOnly.playlist().toString(), MediaOptions.defaults().withKeyframesOnly(true));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0),
                d.frames().stream().map(f -> Math.round(f.time() * 1e6) / 1e6).toList(), "the keyframes");
    }
}
