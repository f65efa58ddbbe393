package avmon.monolith.metering;

import java.util.Locale;

/**
 * What a monitor run cost, and the same scaled to one hour of stream time: the figures the cost model
 * takes for the monolith ({@code MonolithUsage}: CPU seconds per stream-hour, memory per stream).
 *
 * @param streams          streams monitored at once
 * @param streamSeconds    stream time analysed, summed over the streams
 * @param wallSeconds      how long the run took
 * @param cpuSeconds       CPU time the process used, on all cores
 * @param peakHeapBytes    highest heap use sampled
 * @param peakResidentBytes the process's peak resident memory (heap, native FFmpeg buffers, code), -1 if unknown
 */
public record ResourceUsage(int streams, double streamSeconds, double wallSeconds, double cpuSeconds,
                            long peakHeapBytes, long peakResidentBytes) {

    private static final double MB = 1024.0 * 1024.0;

    /** Stream time analysed, in hours. */
    public double streamHours() {
        return streamSeconds / 3600.0;
    }

    /** CPU seconds spent per hour of stream analysed; NaN before any stream time. */
    public double cpuSecondsPerStreamHour() {
        return streamSeconds > 0 ? cpuSeconds / streamHours() : Double.NaN;
    }

    /** Cores kept busy per stream analysed in real time: CPU seconds per stream second. */
    public double coresPerStream() {
        return streamSeconds > 0 ? cpuSeconds / streamSeconds : Double.NaN;
    }

    /** Peak memory per stream in MB: resident memory where known, else heap, divided by the streams. */
    public double memoryMbPerStream() {
        long peak = peakResidentBytes >= 0 ? peakResidentBytes : peakHeapBytes;
        return streams > 0 ? peak / MB / streams : Double.NaN;
    }

    /**
     * Memory held per stream-hour, in MB-hours: the peak memory kept for the run's wall time, per hour of
     * stream analysed (what a service billed by reserved memory pays).
     */
    public double memoryMbHoursPerStreamHour() {
        long peak = peakResidentBytes >= 0 ? peakResidentBytes : peakHeapBytes;
        return streamSeconds > 0 ? (peak / MB) * (wallSeconds / 3600.0) / streamHours() : Double.NaN;
    }

    /** A few lines for the end of a run. */
    public String describe() {
        return String.format(Locale.ROOT,
                "streams %d, stream time %.1f s in %.1f s wall, CPU %.2f s%n"
                        + "CPU seconds per stream-hour %.1f (%.3f cores per real-time stream)%n"
                        + "peak heap %.1f MB, peak resident %s; memory per stream %.1f MB, %.1f MB-hours per stream-hour%n",
                streams, streamSeconds, wallSeconds, cpuSeconds, cpuSecondsPerStreamHour(), coresPerStream(),
                peakHeapBytes / MB, peakResidentBytes >= 0 ? String.format(Locale.ROOT, "%.1f MB", peakResidentBytes / MB)
                        : "unknown", memoryMbPerStream(), memoryMbHoursPerStreamHour());
    }
}
