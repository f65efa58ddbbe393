package avmon.core.store;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a {@link FrameStore} that does not depend on where bytes go: the key layout and the
 * {@link FrameCodec}. Subclasses only put and get bytes.
 *
 * <p>Keys: {@code frames/<streamId>/<segment>/<frame index>.png} and {@code frames/<streamId>/<segment>/audio.pcm}.
 */
public abstract class EncodedFrameStore implements FrameStore {

    private final FrameCodec codec;

    protected EncodedFrameStore(FrameCodec codec) {
        this.codec = codec;
    }

    /** Stores bytes under a key, replacing what was there. */
    protected abstract void put(String key, byte[] bytes, String contentType);

    /** The bytes under a key; throws {@link MissingObjectException} when there are none. */
    protected abstract byte[] get(String key);

    @Override
    public SegmentManifest putSegment(SegmentKey segment, List<AnalysisFrame> frames, AudioBuffer audio) {
        List<SegmentManifest.FrameEntry> entries = new ArrayList<>(frames.size());
        for (AnalysisFrame frame : frames) {
            String key = segment.prefix() + String.format("%08d.", frame.index()) + FrameCodec.IMAGE_EXTENSION;
            put(key, codec.encodeFrame(frame), FrameCodec.IMAGE_CONTENT_TYPE);
            entries.add(SegmentManifest.FrameEntry.of(key, frame));
        }
        SegmentManifest.AudioEntry audioEntry = null;
        if (audio != null) {
            String key = segment.prefix() + "audio.pcm";
            put(key, codec.encodeAudio(audio), "audio/L16");
            audioEntry = new SegmentManifest.AudioEntry(key, audio.time(), audio.sampleRate(), audio.channels());
        }
        return new SegmentManifest(segment, entries, audioEntry);
    }

    @Override
    public List<AnalysisFrame> frames(SegmentManifest manifest) {
        List<AnalysisFrame> frames = new ArrayList<>(manifest.frames().size());
        for (SegmentManifest.FrameEntry entry : manifest.frames()) {
            frames.add(codec.decodeFrame(get(entry.key()), entry));
        }
        return frames;
    }

    @Override
    public AudioBuffer audio(SegmentManifest manifest) {
        SegmentManifest.AudioEntry entry = manifest.audio();
        return entry == null ? null : codec.decodeAudio(get(entry.key()), entry);
    }
}
