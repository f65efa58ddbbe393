package avmon.core.store;

import avmon.core.media.AnalysisFrame;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * What a {@link FrameStore} holds for one segment: the key and timing of each frame, and of the audio.
 * Small enough to travel in a Step Functions state (about 100 bytes a frame).
 *
 * @param segment the segment
 * @param frames  the frames in presentation order
 * @param audio   the segment's audio, or {@code null} without audio
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentManifest(SegmentKey segment, List<FrameEntry> frames, AudioEntry audio) {

    public SegmentManifest {
        frames = List.copyOf(frames);
    }

    /**
     * One stored frame.
     *
     * @param key           the object's key
     * @param index         the frame's index in the stream
     * @param time          presentation time, seconds of stream time
     * @param width         thumbnail width
     * @param height        thumbnail height
     * @param decoderErrors the decoder's error reports for the frame (empty when clean)
     * @param keyframe      whether the frame is a keyframe (written only when it is, to keep the manifest small; read
     *                      as false when absent, even by readers that reject missing primitives)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FrameEntry(String key, long index, double time, int width, int height, List<String> decoderErrors,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT)
                             @JsonSetter(nulls = Nulls.AS_EMPTY) boolean keyframe) {
        public FrameEntry {
            decoderErrors = decoderErrors == null ? List.of() : List.copyOf(decoderErrors);
        }

        /** An entry for a frame that is not a keyframe. */
        public FrameEntry(String key, long index, double time, int width, int height, List<String> decoderErrors) {
            this(key, index, time, width, height, decoderErrors, false);
        }

        /** The entry of {@code frame}, stored under {@code key}. */
        public static FrameEntry of(String key, AnalysisFrame frame) {
            return new FrameEntry(key, frame.index(), frame.time(), frame.width(), frame.height(),
                    frame.decoderErrors(), frame.keyframe());
        }
    }

    /**
     * The stored audio of a segment.
     *
     * @param key        the object's key
     * @param time       time of the first sample, seconds of stream time
     * @param sampleRate samples per second per channel
     * @param channels   interleaved channels
     */
    public record AudioEntry(String key, double time, int sampleRate, int channels) {
    }
}
