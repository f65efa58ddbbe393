package avmon.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryFrameStoreTest {

    private final InMemoryFrameStore store = new InMemoryFrameStore();
    private final SegmentKey segment = new SegmentKey("news-1", 3);

    @Test
    void putSegment_framesAndAudio_storedUnderStreamAndSegmentKeys() {
        store.putSegment(segment, List.of(frame(150, 6.0, 40), frame(151, 6.04, 80)), audio(6.0));

        assertEquals(Set.of("frames/news-1/000003/00000150.png", "frames/news-1/000003/00000151.png",
                "frames/news-1/000003/audio.pcm"), store.keys());
    }

    @Test
    void frames_afterPut_readBackWithTimesErrorsAndNearlyEqualPictures() {
        AnalysisFrame original = frame(150, 6.0, 40);
        SegmentManifest manifest = store.putSegment(segment, List.of(original), null);

        AnalysisFrame back = store.frames(manifest).get(0);
        assertEquals(150, back.index());
        assertEquals(6.0, back.time());
        assertEquals(List.of("error while decoding MB 3 4"), back.decoderErrors());
        assertArrayEquals(original.luma(), back.luma(), "pictures come back exactly: PNG is lossless");
        assertNull(store.audio(manifest), "no audio was stored");
    }

    @Test
    void frames_afterPut_keyframeFlagComesBackAndManifestNamesOnlyKeyframes() throws Exception {
        AnalysisFrame plain = frame(1, 0.0, 40);
        AnalysisFrame key = new AnalysisFrame(2, 0.04, plain.width(), plain.height(), plain.luma(), List.of(), true);
        SegmentManifest manifest = store.putSegment(segment, List.of(plain, key), null);

        List<AnalysisFrame> back = store.frames(manifest);
        assertEquals(List.of(false, true), back.stream().map(AnalysisFrame::keyframe).toList(), "keyframe flags");
        String json = new ObjectMapper().writeValueAsString(manifest);
        assertEquals(1, json.split("\"keyframe\"", -1).length - 1, () -> "only the keyframe says so: " + json);
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        assertEquals(manifest, strict.readValue(json, SegmentManifest.class),
                "a reader that rejects missing primitives (the Lambda handlers') reads the absent flag as false");
    }

    @Test
    void frames_samePictureTwice_decodeToIdenticalPictures() {
        SegmentManifest manifest = store.putSegment(segment, List.of(frame(1, 0.0, 40), frame(2, 0.04, 40)), null);

        List<AnalysisFrame> back = store.frames(manifest);
        assertArrayEquals(back.get(0).luma(), back.get(1).luma(), "a frozen picture stays frozen through the store");
    }

    @Test
    void audio_afterPut_isLosslessFor16BitSamples() {
        AudioBuffer original = audio(6.0);
        SegmentManifest manifest = store.putSegment(segment, List.of(), original);

        AudioBuffer back = store.audio(manifest);
        assertArrayEquals(original.samples(), back.samples());
        assertEquals(6.0, back.time());
        assertEquals(2, back.channels());
    }

    @Test
    void manifest_throughJson_isUnchanged() throws Exception {
        SegmentManifest manifest = store.putSegment(segment, List.of(frame(1, 0.0, 40)), audio(0.0));
        ObjectMapper json = new ObjectMapper();

        SegmentManifest back = json.readValue(json.writeValueAsString(manifest), SegmentManifest.class);
        assertEquals(manifest, back);
    }

    @Test
    void frames_objectDeleted_throwsMissingObjectNamingKey() {
        SegmentManifest manifest = store.putSegment(segment, List.of(frame(7, 0.28, 40)), null);
        store.delete("frames/news-1/000003/00000007.png");

        MissingObjectException e = assertThrows(MissingObjectException.class, () -> store.frames(manifest));
        assertEquals("frames/news-1/000003/00000007.png", e.key());
    }

    @Test
    void segmentKey_unsafeStreamIds_rejected() {
        for (String bad : new String[] {"", "../etc", "a/b", ".hidden", "x".repeat(129), "sp ace"}) {
            assertThrows(IllegalArgumentException.class, () -> new SegmentKey(bad, 0), bad);
        }
        assertEquals("frames/Stream_2.a/000000/", new SegmentKey("Stream_2.a", 0).prefix());
    }

    private static AnalysisFrame frame(long index, double time, int base) {
        int w = 32;
        int h = 18;
        byte[] luma = new byte[w * h];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) (base + (i % w) * 3);
        }
        return new AnalysisFrame(index, time, w, h, luma, index == 150 ? List.of("error while decoding MB 3 4") : List.of());
    }

    private static AudioBuffer audio(double time) {
        float[] samples = new float[960 * 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (Math.sin(i * 0.05) * 10000) / 32768f;
        }
        return new AudioBuffer(time, 48000, 2, samples);
    }
}
