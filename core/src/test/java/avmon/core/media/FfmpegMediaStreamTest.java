package avmon.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegMediaStreamTest {

    @TempDir
    static Path dir;
    static Path clip;

    @BeforeAll
    static void writeClip() throws Exception {
        clip = TestClips.write(dir.resolve("clip.ts"), 50, true, true);
    }

    @Test
    void next_clip_givesEveryPictureAsThumbnailInStreamTime() throws Exception {
        List<AnalysisFrame> frames = new ArrayList<>();
        double audioSeconds = 0;
        try (MediaStream stream = FfmpegMediaStream.open(clip.toString(), MediaOptions.defaults())) {
            assertTrue(stream.info().hasVideo(), "clip has video");
            assertTrue(stream.info().hasAudio(), "clip has audio");
            assertEquals("h264", stream.info().videoCodec(), "video codec");
            for (MediaSample s = stream.next(); s != null; s = stream.next()) {
                if (s instanceof AnalysisFrame f) {
                    frames.add(f);
                } else if (s instanceof AudioBuffer a) {
                    audioSeconds += a.duration();
                    assertEquals(2, a.channels(), "stereo audio");
                }
            }
            assertEquals(2.0, stream.endTime(), 0.05, "end time of the input");
        }
        assertEquals(50, frames.size(), "one analysis frame per picture");
        for (int i = 0; i < frames.size(); i++) {
            AnalysisFrame f = frames.get(i);
            assertEquals(i * 0.04, f.time(), 1e-6, "time of picture " + i);
            assertEquals(i, f.index(), "index of picture " + i);
            assertEquals(160, f.width(), "thumbnail width");
            assertEquals(90, f.height(), "thumbnail height");
            assertTrue(f.decoderErrors().isEmpty(), "clean picture " + i + " has no decoder errors");
        }
        assertEquals(2.0, audioSeconds, 0.05, "two seconds of audio");
    }

    @Test
    void next_streamWithBFrames_givesPicturesInPresentationOrder() throws Exception {
        Path reordered = TestClips.writeWithBFrames(dir.resolve("bframes.ts"), 40);
        List<AnalysisFrame> frames = Decoded.of(reordered.toString(), MediaOptions.defaults()).frames();
        assertEquals(40, frames.size(), "every picture");
        for (int i = 1; i < frames.size(); i++) {
            assertEquals(i * 0.04, frames.get(i).time(), 1e-6, "time of picture " + i);
            assertEquals(i, frames.get(i).index(), "index of picture " + i);
            assertTrue(frames.get(i).lumaAt(0, 0) > frames.get(i - 1).lumaAt(0, 0),
                    "the ramp brightens picture after picture, so they come out in display order: " + i);
        }
    }

    @Test
    void next_customThumbnailSize_isHonoured() throws Exception {
        try (MediaStream stream = FfmpegMediaStream.open(clip.toString(),
                MediaOptions.defaults().withThumbnailSize(64, 36).withAudio(false))) {
            MediaSample first = stream.next();
            AnalysisFrame frame = (AnalysisFrame) first;
            assertEquals(64 * 36, frame.luma().length, "packed luma without row padding");
        }
    }

    @Test
    void open_missingFile_isNotFound() {
        MediaException e = assertThrows(MediaException.class,
                () -> FfmpegMediaStream.open(dir.resolve("nope.ts").toString(), MediaOptions.defaults()));
        assertEquals(MediaException.Reason.NOT_FOUND, e.reason(), e.getMessage());
    }

    @Test
    void open_textFile_isNotMedia() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, not a video\n".repeat(100),
                StandardCharsets.UTF_8);
        MediaException e = assertThrows(MediaException.class,
                () -> FfmpegMediaStream.open(text.toString(), MediaOptions.defaults()));
        assertEquals(MediaException.Reason.NOT_MEDIA, e.reason(), e.getMessage());
    }

    @Test
    void open_garbageWithMediaExtension_isNotMedia() throws Exception {
        byte[] junk = new byte[20_000];
        new java.util.Random(1).nextBytes(junk);
        Path fake = Files.write(dir.resolve("fake.ts"), junk);
        MediaException e = assertThrows(MediaException.class,
                () -> FfmpegMediaStream.open(fake.toString(), MediaOptions.defaults()));
        assertEquals(MediaException.Reason.NOT_MEDIA, e.reason(), e.getMessage());
    }

    @Test
    void decodeFloor_clip_decodesTheSamePicturesAndSamples() throws Exception {
        DecodeFloor.Result floor = DecodeFloor.decode(clip.toString(), true);
        Decoded decoded = Decoded.of(clip.toString(), MediaOptions.defaults());
        assertEquals(decoded.frames().size(), floor.pictures(), "the same pictures as the media stream");
        assertEquals(decoded.audio().stream().mapToLong(AudioBuffer::frameCount).sum(), floor.samples(),
                "the same audio samples as the media stream");
    }

    @Test
    void next_areaScaling_givesThumbnailOfTheSameSizeButSmoother() throws Exception {
        MediaOptions video = MediaOptions.defaults().withAudio(false);
        AnalysisFrame point = Decoded.of(clip.toString(), video).frames().get(10);
        AnalysisFrame area = Decoded.of(clip.toString(), video.withScaling(MediaOptions.Scaling.AREA)).frames().get(10);
        assertEquals(point.luma().length, area.luma().length, "same thumbnail size");
        assertFalse(java.util.Arrays.equals(point.luma(), area.luma()), "averaging changes the pixels");
    }

    @Test
    void next_afterEnd_staysNull() throws Exception {
        try (MediaStream stream = FfmpegMediaStream.open(clip.toString(), MediaOptions.defaults())) {
            while (stream.next() != null) {
                // drain
            }
            assertNull(stream.next(), "a drained stream keeps returning null");
            assertFalse(stream.endTime() <= 0, "end time is known once drained");
        }
    }
}
