package avmon.cli.compare;

import avmon.cli.model.MeasuredRun.MonolithCounts;
import avmon.local.sns.SnsMetrics;
import avmon.monolith.metering.ResourceUsage;
import java.util.List;

/**
 * The monolith's run.
 *
 * @param usage     CPU, memory and wall time, from the supervisor's meter
 * @param peakReset whether the resident peak was reset before the run (else it covers the whole process)
 * @param frames    pictures its detectors analysed, all streams
 * @param streams   each stream's defects and failure
 * @param sns       what its topic was asked to publish
 */
public record MonolithResult(ResourceUsage usage, boolean peakReset, long frames, List<StreamResult> streams,
                             SnsMetrics sns) {

    private static final double MB = 1024.0 * 1024.0;

    public MonolithResult {
        streams = List.copyOf(streams);
    }

    /** The counts the comparison keeps; the monolith reads local files, so it makes no S3 requests. */
    public MonolithCounts counts() {
        double heapMb = usage.peakHeapBytes() / MB;
        double residentMb = usage.peakResidentBytes() >= 0 ? usage.peakResidentBytes() / MB : heapMb;
        return new MonolithCounts(usage.streams(), usage.wallSeconds(), usage.cpuSeconds(), heapMb, residentMb, 0, 0,
                sns.messagesPublished(), sns.billedRequests());
    }
}
