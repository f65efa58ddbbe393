package avmon.core.store;

import java.util.regex.Pattern;

/**
 * Names one segment of one stream in a {@link FrameStore}. Stream ids become storage keys, so they are
 * checked here, once, before anything is stored: letters, digits, '-', '_' and '.', 1 to 128 characters,
 * not starting with '.'.
 *
 * @param streamId the stream's id
 * @param segment  the segment's number in the stream, from 0
 */
public record SegmentKey(String streamId, long segment) {

    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,127}");

    public SegmentKey {
        requireValidStreamId(streamId);
        if (segment < 0) {
            throw new IllegalArgumentException("segment must be >= 0, was " + segment);
        }
    }

    /** Throws {@link IllegalArgumentException} naming the problem when {@code streamId} cannot be a key. */
    public static String requireValidStreamId(String streamId) {
        if (streamId == null || !STREAM_ID.matcher(streamId).matches()) {
            throw new IllegalArgumentException("invalid stream id " + (streamId == null ? "null" : "'" + streamId + "'")
                    + ": use 1 to 128 letters, digits, '-', '_' or '.', not starting with '.'");
        }
        return streamId;
    }

    /** The key prefix of this segment's objects: {@code frames/<streamId>/<segment, 6 digits>/}. */
    public String prefix() {
        return String.format("frames/%s/%06d/", streamId, segment);
    }
}
