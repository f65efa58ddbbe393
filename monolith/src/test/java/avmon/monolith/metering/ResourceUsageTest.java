package avmon.monolith.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceUsageTest {

    @Test
    void perStreamHour_halfAnHourOfTwoStreams_scalesToOneHour() {
        ResourceUsage usage = new ResourceUsage(2, 3600, 1800, 90, 100L << 20, 400L << 20);

        assertEquals(90, usage.cpuSecondsPerStreamHour(), 1e-9, "90 CPU s for 1 stream-hour");
        assertEquals(0.025, usage.coresPerStream(), 1e-9, "CPU s per stream s");
        assertEquals(200, usage.memoryMbPerStream(), 1e-9, "resident peak shared by 2 streams");
        assertEquals(200, usage.memoryMbHoursPerStreamHour(), 1e-9, "400 MB for 0.5 h over 1 stream-hour");
    }

    @Test
    void memoryMbPerStream_residentUnknown_fallsBackToHeap() {
        ResourceUsage usage = new ResourceUsage(4, 60, 60, 1, 64L << 20, -1);

        assertEquals(16, usage.memoryMbPerStream(), 1e-9, "heap peak shared by 4 streams");
        assertTrue(usage.describe().contains("peak resident unknown"), usage.describe());
    }

    @Test
    void meter_measuresCpuAndMemoryOfThisProcess() {
        ResourceMeter meter = new ResourceMeter();
        double sink = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sink += Math.sqrt(i);
        }

        assertTrue(sink > 0 && meter.cpuSeconds() > 0, "CPU time counted: " + meter.cpuSeconds());
        assertTrue(meter.peakHeapBytes() > 0, "heap sampled");
        long now = meter.residentBytes();
        long peak = meter.peakResidentBytes();
        assertTrue(peak >= now && now > 0, "peak resident " + peak + " is at least the resident " + now + " read before");
    }
}
