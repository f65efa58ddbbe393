package avmon.core.convert;

import avmon.core.store.SegmentManifest;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What converting one segment produced.
 *
 * @param manifest   the stored frames and audio, or {@code null} when the segment is not published yet
 * @param origin     the stream's time origin, to pass with the next segment
 * @param segmentEnd stream time in seconds where this segment's media ends
 * @param last       whether this is the last segment of a playlist that has ended
 * @param pending    whether the segment is not in the (live) playlist yet: try again later
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConvertResult(SegmentManifest manifest, double origin, double segmentEnd, boolean last,
                            boolean pending) {
}
