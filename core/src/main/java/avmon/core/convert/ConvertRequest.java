package avmon.core.convert;

/**
 * Convert one segment of a stream.
 *
 * @param streamId the stream's id (becomes part of storage keys; validated)
 * @param source   the stream's HLS playlist
 * @param segment  which segment, counted from the first segment of the playlist (0)
 * @param origin   the stream's time origin returned by the conversion of segment 0, or {@code null} for
 *                 segment 0 itself
 */
public record ConvertRequest(String streamId, String source, long segment, Double origin) {
}
