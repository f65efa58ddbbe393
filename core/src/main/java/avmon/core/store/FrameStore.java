package avmon.core.store;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import java.util.List;

/**
 * Where the serverless design parks a segment's frames and audio between the converter and the detector
 * functions. The monolith needs none: its frames stay in memory. Implementations: {@link InMemoryFrameStore}
 * for tests, {@code S3FrameStore} in the aws module.
 *
 * <p>Pictures are stored as lossless images (PNG, see {@link FrameCodec}), the audio of a segment as one buffer;
 * what the images cannot carry (frame time, index, decoder errors) travels in the {@link SegmentManifest}
 * that {@link #putSegment} returns.
 */
public interface FrameStore {

    /**
     * Stores a segment's frames and audio, one object per frame and one for the audio.
     *
     * @param audio the segment's audio, or {@code null} when the stream has none
     * @return the manifest that lets {@link #frames} and {@link #audio} read them back
     */
    SegmentManifest putSegment(SegmentKey segment, List<AnalysisFrame> frames, AudioBuffer audio);

    /**
     * Reads back the frames a manifest names, in order.
     *
     * @throws MissingObjectException when an object the manifest names is not in the store
     */
    List<AnalysisFrame> frames(SegmentManifest manifest);

    /**
     * Reads back the audio a manifest names, or {@code null} when the segment has no audio.
     *
     * @throws MissingObjectException when the audio object is not in the store
     */
    AudioBuffer audio(SegmentManifest manifest);
}
