package avmon.monolith.bench;

import avmon.core.detect.Detector;
import avmon.core.media.MediaOptions;
import avmon.monolith.metering.ResourceMeter;
import avmon.monolith.source.LoopingOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.supervise.StreamSupervisor;
import avmon.monolith.supervise.SupervisorSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whether the monitor's memory stays flat over a long stream: runs streams looping a clip for a long
 * stream time at full speed through the real supervisor and detectors, and at every checkpoint of stream
 * time collects garbage and records the heap that is still live, and the resident memory.
 */
public final class HeapSoak {

    /**
     * One checkpoint.
     *
     * @param streamSeconds      stream time analysed by the slowest stream so far
     * @param heapAfterGcBytes   heap in use right after a full collection: what is really kept
     * @param residentBytes      resident memory of the process (native buffers included), -1 if unknown
     */
    public record Sample(double streamSeconds, long heapAfterGcBytes, long residentBytes) {
    }

    private final Path clip;
    private final int streams;
    private final double seconds;
    private final double every;
    private final List<Detector<?>> detectors;
    private final MediaOptions options;

    /** {@code streams} streams of {@code seconds} each, sampled every {@code every} seconds of stream time. */
    public HeapSoak(Path clip, int streams, double seconds, double every, List<Detector<?>> detectors,
                    MediaOptions options) {
        this.clip = clip;
        this.streams = streams;
        this.seconds = seconds;
        this.every = every;
        this.detectors = List.copyOf(detectors);
        this.options = options;
    }

    /** Runs to the end, handing each checkpoint to {@code out} as it is taken; returns them all. */
    public List<Sample> run(Consumer<Sample> out) throws Exception {
        List<StreamSource> sources = new ArrayList<>();
        for (int i = 1; i <= streams; i++) {
            sources.add(StreamSource.parse("soak-" + i + "=" + clip));
        }
        List<Sample> samples = new ArrayList<>();
        try (StreamSupervisor supervisor = new StreamSupervisor(sources, detectors, new CountingNotifier(),
                new LoopingOpener(options, seconds), SupervisorSettings.DEFAULT.withWorkers(streams))) {
            // A first sample before anything runs, so even a run faster than one poll has a start and an end.
            Sample before = sample(0);
            samples.add(before);
            out.accept(before);
            supervisor.start();
            double next = every;
            boolean done = false;
            while (!done) {
                done = supervisor.awaitEnd(Duration.ofMillis(100));
                double slowest = supervisor.streams().stream().mapToDouble(s -> s.position()).min().orElse(0);
                if (slowest >= next || done) {
                    Sample s = sample(slowest);
                    samples.add(s);
                    out.accept(s);
                    next = (Math.floor(slowest / every) + 1) * every;
                }
            }
        }
        return samples;
    }

    private static Sample sample(double streamSeconds) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return new Sample(streamSeconds, memory.getHeapMemoryUsage().getUsed(), new ResourceMeter().residentBytes());
    }
}
