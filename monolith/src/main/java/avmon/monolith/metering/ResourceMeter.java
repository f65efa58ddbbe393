package avmon.monolith.metering;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what the monitor costs: the process's CPU time since the meter started, its peak heap use
 * (sampled: call {@link #sample()} regularly) and its peak resident memory (the kernel's own high-water
 * mark, which includes FFmpeg's native buffers that the heap does not see).
 */
public final class ResourceMeter {

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long cpuStartNanos;
    private final long wallStartNanos;
    private final AtomicLong peakHeap = new AtomicLong();

    /** Starts measuring now. */
    public ResourceMeter() {
        cpuStartNanos = os.getProcessCpuTime();
        wallStartNanos = System.nanoTime();
        sample();
    }

    /** Takes a heap sample; cheap enough to call a few times a second. */
    public void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        peakHeap.accumulateAndGet(used, Math::max);
    }

    /** CPU seconds the process has used since the meter started, on all cores. */
    public double cpuSeconds() {
        return (os.getProcessCpuTime() - cpuStartNanos) / 1e9;
    }

    /** Wall-clock seconds since the meter started. */
    public double wallSeconds() {
        return (System.nanoTime() - wallStartNanos) / 1e9;
    }

    /** The highest heap use sampled so far, in bytes. */
    public long peakHeapBytes() {
        sample();
        return peakHeap.get();
    }

    /**
     * The process's peak resident set (VmHWM) in bytes, or -1 where the system does not tell (not Linux).
     * It covers the whole life of the process, not only the time since the meter started.
     */
    public long peakResidentBytes() {
        return statusField("VmHWM:");
    }

    /** The process's resident set now (VmRSS) in bytes, or -1 where the system does not tell. */
    public long residentBytes() {
        return statusField("VmRSS:");
    }

    private static long statusField(String name) {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or a format we do not know: the figure is unavailable, said as -1.
        }
        return -1;
    }

    /** What the run has cost so far, for {@code streams} streams that analysed {@code streamSeconds} in total. */
    public ResourceUsage usage(int streams, double streamSeconds) {
        return new ResourceUsage(streams, streamSeconds, wallSeconds(), cpuSeconds(), peakHeapBytes(),
                peakResidentBytes());
    }
}
