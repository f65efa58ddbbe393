package avmon.core.analyse;

import avmon.core.store.SegmentManifest;

/**
 * Run one detector over one stored segment.
 *
 * @param streamId the stream
 * @param detector the detector and its state so far
 * @param manifest the segment's stored frames and audio
 * @param last     whether this is the stream's last segment: open defects are then closed
 * @param end      stream time where the segment's media ends (used when {@code last})
 */
public record AnalyseRequest(String streamId, DetectorRun detector, SegmentManifest manifest, boolean last,
                             double end) {
}
