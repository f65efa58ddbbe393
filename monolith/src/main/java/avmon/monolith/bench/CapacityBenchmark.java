package avmon.monolith.bench;

import avmon.core.detect.Detector;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.monolith.metering.ResourceMeter;
import avmon.monolith.metering.ResourceUsage;
import avmon.monolith.source.LoopingMediaStream;
import avmon.monolith.source.LoopingOpener;
import avmon.monolith.source.StreamSource;
import avmon.monolith.status.StreamStatus;
import avmon.monolith.supervise.StreamSupervisor;
import avmon.monolith.supervise.SupervisorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * How many streams of a clip one core analyses in real time: measured, in one run, for decoding alone and
 * for the full monitor (decoding, all detectors, supervisor), then checked by running that many streams at
 * real time.
 *
 * <p>Throughput phases play {@code streams} copies of the clip, looped to {@code fullSpeedSeconds} each, as
 * fast as they decode; the process's CPU time per second of stream gives the streams one core sustains
 * (CPU time, not wall time, so other load on the machine does not count against it). The real-time check
 * then plays the full-analysis count of streams paced at real time and records the worst lag and whether
 * the streams' lag grows ({@link LagTrend}): the check passes only when none fell behind and their mean lag
 * holds its level over the second half of the run.
 */
public final class CapacityBenchmark {

    /**
     * What to run.
     *
     * @param clip             the input each stream loops (a playlist or file)
     * @param streams          streams at once in the throughput phases (one per core keeps them busy)
     * @param fullSpeedSeconds stream time per stream in the throughput phases
     * @param realTimeSeconds  how long the real-time check runs
     * @param maxLag           the lag a stream may reach and still count as keeping up
     * @param realTimeStreams  streams in the real-time check, or 0 for the measured full-analysis capacity
     * @param findSustained    when the real-time check fails, try again with 5% fewer streams (a few times)
     * @param segmentSeconds   in the real-time check, release each stream a segment of this length at a time,
     *                         as live HLS arrives; 0 sample by sample. A segment's worth of lag is allowed on
     *                         top of {@code maxLag}: the last picture of a segment waits for the whole segment.
     */
    public record Settings(Path clip, int streams, double fullSpeedSeconds, double realTimeSeconds, Duration maxLag,
                           int realTimeStreams, boolean findSustained, double segmentSeconds) {
    }

    /**
     * One throughput phase.
     *
     * @param streams       streams run at once
     * @param streamSeconds stream time decoded, over all streams
     * @param wallSeconds   how long it took
     * @param cpuSeconds    process CPU time it took
     */
    public record Throughput(int streams, double streamSeconds, double wallSeconds, double cpuSeconds) {
        /** Streams one core keeps up with in real time: seconds of stream per CPU second. */
        public double streamsPerCore() {
            return streamSeconds / cpuSeconds;
        }

        /** CPU seconds per hour of stream. */
        public double cpuSecondsPerStreamHour() {
            return cpuSeconds / streamSeconds * 3600;
        }
    }

    /**
     * The real-time check.
     *
     * @param streams            streams played at real time at once
     * @param maxLagSeconds      the worst lag any stream reached
     * @param lagGrowthPerMinute how fast the streams' mean lag grew over the second half of the run
     * @param behind             streams that were ever BEHIND or did not end normally
     * @param coresUsed          process CPU seconds per wall second while they ran
     * @param baselineResidentBytes resident memory before the streams started
     * @param usage              what the run cost
     */
    public record RealTimeCheck(int streams, double maxLagSeconds, double lagGrowthPerMinute, int behind,
                                double coresUsed, long baselineResidentBytes, ResourceUsage usage) {

        /**
         * Lag growth that still counts as keeping up: jitter of a tenth of a second over a run's second half
         * stays well under it, while a stream short of CPU by 1% gains 0.6 s a minute.
         */
        public static final double MAX_LAG_GROWTH_PER_MINUTE = 0.5;

        /** Whether every stream kept up: none fell behind, and their lag did not grow. */
        public boolean keptUp() {
            return behind == 0 && lagGrowthPerMinute < MAX_LAG_GROWTH_PER_MINUTE;
        }

        /** Resident memory added per stream, over the baseline; -1 when unknown. */
        public double addedMbPerStream() {
            return usage.peakResidentBytes() < 0 || baselineResidentBytes < 0 ? -1
                    : (usage.peakResidentBytes() - baselineResidentBytes) / 1024.0 / 1024.0 / streams;
        }
    }

    /**
     * The whole result.
     *
     * @param realTimeChecks the real-time checks in the order run: one, or with {@link Settings#findSustained()}
     *                       each smaller count tried until one kept up
     * @param cores          the cores the process could run on
     */
    public record Report(Throughput decodeOnly, Throughput analysis, List<RealTimeCheck> realTimeChecks, int cores) {
        public Report {
            realTimeChecks = List.copyOf(realTimeChecks);
        }

        /** Full-analysis capacity as a fraction of decode-only capacity. */
        public double analysisToDecodeRatio() {
            return analysis.streamsPerCore() / decodeOnly.streamsPerCore();
        }

        /** The largest count of streams checked that kept up in real time, or 0 when none did. */
        public int sustainedStreams() {
            return realTimeChecks.stream().filter(RealTimeCheck::keptUp).mapToInt(RealTimeCheck::streams).max().orElse(0);
        }

        /** Streams sustained in real time per core, as a fraction of the streams per core decoding alone allows. */
        public double sustainedToDecodeRatio() {
            return sustainedStreams() / (double) cores / decodeOnly.streamsPerCore();
        }
    }

    private static final int ROUNDS = 2;
    /** How many smaller counts {@link Settings#findSustained()} tries after the first check. */
    private static final int MAX_STEPS_DOWN = 4;

    private final Settings settings;
    private final List<Detector<?>> detectors;
    private final MediaOptions options;
    private final Consumer<String> progress;

    public CapacityBenchmark(Settings settings, List<Detector<?>> detectors, MediaOptions options,
                             Consumer<String> progress) {
        this.settings = settings;
        this.detectors = List.copyOf(detectors);
        this.options = options;
        this.progress = progress;
    }

    /** Runs the three phases. */
    public Report run() throws Exception {
        progress.accept("warming up (JIT, natives)");
        decodeOnly(1, Math.min(10, settings.fullSpeedSeconds()));
        Throughput decode = null;
        Throughput analysis = null;
        // Alternate the two and keep each one's best round: other load on the machine (cache, memory
        // bandwidth, hyperthreads) slows both, and alternating keeps either from getting the quiet moments.
        for (int round = 1; round <= ROUNDS; round++) {
            progress.accept("round " + round + "/" + ROUNDS + ", decode only: " + settings.streams() + " streams x "
                    + settings.fullSpeedSeconds() + " s at full speed");
            decode = best(decode, decodeOnly(settings.streams(), settings.fullSpeedSeconds()));
            progress.accept("round " + round + "/" + ROUNDS + ", full analysis: " + settings.streams() + " streams x "
                    + settings.fullSpeedSeconds() + " s at full speed");
            analysis = best(analysis, analysis());
        }
        int n = settings.realTimeStreams() > 0 ? settings.realTimeStreams()
                : Math.max(1, (int) Math.floor(analysis.streamsPerCore()));
        List<RealTimeCheck> checks = new ArrayList<>();
        for (int step = 0; step <= MAX_STEPS_DOWN; step++) {
            progress.accept("real time: " + n + " streams for " + settings.realTimeSeconds() + " s");
            RealTimeCheck check = realTime(n);
            checks.add(check);
            if (check.keptUp() || !settings.findSustained() || n == 1) {
                break;
            }
            n = Math.max(1, Math.min(n - 1, (int) Math.floor(n * 0.95)));
        }
        return new Report(decode, analysis, checks, Runtime.getRuntime().availableProcessors());
    }

    private static Throughput best(Throughput a, Throughput b) {
        return a == null || b.streamsPerCore() > a.streamsPerCore() ? b : a;
    }

    /** Decoding alone: each stream pulled to its end on a thread of its own, nothing else. */
    private Throughput decodeOnly(int streams, double seconds) throws Exception {
        ResourceMeter meter = new ResourceMeter();
        ExecutorService threads = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Double>> decoded = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                Callable<Double> pull = () -> {
                    try (MediaStream stream = new LoopingMediaStream(
                            () -> FfmpegMediaStream.open(settings.clip().toString(), options), seconds)) {
                        for (MediaSample s = stream.next(); s != null; s = stream.next()) {
                            // Decoding is the work measured; the samples are dropped.
                        }
                        return stream.endTime();
                    }
                };
                decoded.add(threads.submit(pull));
            }
            double streamSeconds = 0;
            for (Future<Double> f : decoded) {
                streamSeconds += f.get();
            }
            return new Throughput(streams, streamSeconds, meter.wallSeconds(), meter.cpuSeconds());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The monitor itself, at full speed. */
    private Throughput analysis() throws Exception {
        List<StreamSource> sources = sources(settings.streams(), false);
        SupervisorSettings run = SupervisorSettings.DEFAULT.withWorkers(settings.streams());
        try (StreamSupervisor supervisor = new StreamSupervisor(sources, detectors, new CountingNotifier(),
                new LoopingOpener(options, settings.fullSpeedSeconds()), run)) {
            ResourceMeter meter = new ResourceMeter();
            supervisor.start();
            supervisor.awaitEnd();
            requireEnded(supervisor.streams());
            double streamSeconds = supervisor.usage().streamSeconds();
            return new Throughput(settings.streams(), streamSeconds, meter.wallSeconds(), meter.cpuSeconds());
        }
    }

    /** {@code n} streams paced at real time with full analysis; the worst lag says whether they kept up. */
    private RealTimeCheck realTime(int n) throws Exception {
        List<StreamSource> sources = sources(n, true);
        Duration allowedLag = settings.maxLag().plusNanos((long) (settings.segmentSeconds() * 1e9));
        SupervisorSettings run = SupervisorSettings.DEFAULT.withWorkers(n).withMaxLag(allowedLag);
        ResourceMeter baseline = new ResourceMeter();
        System.gc();
        long baselineResident = baseline.residentBytes();
        try (StreamSupervisor supervisor = new StreamSupervisor(sources, detectors, new CountingNotifier(),
                new LoopingOpener(options, settings.realTimeSeconds(), settings.segmentSeconds()), run)) {
            ResourceMeter meter = new ResourceMeter();
            supervisor.start();
            double maxLag = 0;
            // Windows of a segment at least, so that a lag rising and falling with each segment counts as one level.
            LagTrend trend = new LagTrend(Math.max(1.0, settings.segmentSeconds()));
            java.util.Set<String> behind = new java.util.HashSet<>();
            while (!supervisor.awaitEnd(Duration.ofMillis(250))) {
                double lagSum = 0;
                List<StreamStatus> streams = supervisor.streams();
                for (StreamStatus s : streams) {
                    maxLag = Math.max(maxLag, s.lagSeconds());
                    lagSum += s.lagSeconds();
                    if (s.state() == StreamStatus.State.BEHIND) {
                        behind.add(s.streamId());
                    }
                }
                trend.add(meter.wallSeconds(), lagSum / streams.size());
            }
            for (StreamStatus s : supervisor.streams()) {
                maxLag = Math.max(maxLag, s.lagSeconds());
                if (s.state() != StreamStatus.State.ENDED) {
                    behind.add(s.streamId());
                }
            }
            ResourceUsage usage = supervisor.usage();
            return new RealTimeCheck(n, maxLag, trend.growthPerMinute(), behind.size(),
                    meter.cpuSeconds() / meter.wallSeconds(), baselineResident, usage);
        }
    }

    private List<StreamSource> sources(int n, boolean live) {
        List<StreamSource> sources = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            StreamSource s = StreamSource.parse("bench-" + i + "=" + settings.clip());
            sources.add(live ? s.asLive() : s);
        }
        return sources;
    }

    private static void requireEnded(List<StreamStatus> streams) {
        for (StreamStatus s : streams) {
            if (s.state() != StreamStatus.State.ENDED) {
                throw new IllegalStateException("benchmark stream " + s.streamId() + " did not end normally: "
                        + s.state() + " " + s.lastError());
            }
        }
    }
}
