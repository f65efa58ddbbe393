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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * How many streams of a clip one core analyses in real time, next to how many it decodes in real time,
 * measured in one run.
 *
 * <p>Two throughput phases play {@code streams} copies of the clip, looped to {@code fullSpeedSeconds} each,
 * as fast as they decode, once decoding alone and once with the full monitor; the process's CPU time per
 * second of stream estimates the streams one core sustains (CPU time, so other load on the machine counts
 * little). Those estimates only start the real-time searches: many streams interleaved on one core cost more
 * each than one stream alone (their decoders' pictures no longer stay in cache), so the capacity is what
 * real-time checks show. A check plays {@code n} streams paced at real time through the
 * {@link StreamSupervisor} and passes when none fell behind and their lag holds its level over the second
 * half ({@link LagTrend}, averaged over the streams). Decoding alone is the same supervisor with no
 * detectors, so the two searches differ in nothing but the analysis. {@link SustainedSearch} finds each one's largest count that
 * keeps up; the two searches take turns, check by check, so that a change in the machine's other load falls
 * on both alike.
 */
public final class CapacityBenchmark {

    /**
     * What to run.
     *
     * @param clip             the input each stream loops (a playlist or file)
     * @param streams          streams at once in the throughput phases (one per core keeps them busy)
     * @param fullSpeedSeconds stream time per stream in the throughput phases
     * @param realTimeSeconds  how long each real-time check runs
     * @param maxLag           the lag a stream may reach and still count as keeping up
     * @param realTimeStreams  check exactly this many streams at real time, once for each side; 0 to search
     *                         for each side's largest count that keeps up
     * @param maxStreams       the largest count a search tries
     * @param segmentSeconds   in the real-time checks, release each stream a segment of this length at a time,
     *                         as live HLS arrives; 0 sample by sample. A segment's worth of lag is allowed on
     *                         top of {@code maxLag}: the last picture of a segment waits for the whole segment.
     */
    public record Settings(Path clip, int streams, double fullSpeedSeconds, double realTimeSeconds, Duration maxLag,
                           int realTimeStreams, int maxStreams, double segmentSeconds) {
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
     * @param lagGrowthPerMinute how fast the streams' lag grew over the second half of the run, on average
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

        /** Whether every stream kept up: none fell behind, and their lag did not grow on average. */
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
     * One side's real-time checks, in the order run, and what they show.
     *
     * @param checks    the checks
     * @param sustained the largest count that kept up, 0 when none did
     * @param failedAt  the smallest count that did not keep up, 0 when all did (the capacity may be higher)
     */
    public record RealTimeSearch(List<RealTimeCheck> checks, int sustained, int failedAt) {
        public RealTimeSearch {
            checks = List.copyOf(checks);
        }

        /** Whether the capacity is pinned to one count: the next count up did not keep up. */
        public boolean exact() {
            return sustained > 0 && failedAt == sustained + 1;
        }

        /** The check of the sustained count, if one kept up. */
        public Optional<RealTimeCheck> sustainedCheck() {
            return checks.stream().filter(c -> c.keptUp() && c.streams() == sustained).findFirst();
        }
    }

    /**
     * The whole result.
     *
     * @param decodeOnly         decoding alone at full speed
     * @param analysis           the full monitor at full speed
     * @param decodeOnlyRealTime decoding alone, paced at real time
     * @param analysisRealTime   the full monitor, paced at real time
     * @param cores              the cores the process could run on
     */
    public record Report(Throughput decodeOnly, Throughput analysis, RealTimeSearch decodeOnlyRealTime,
                         RealTimeSearch analysisRealTime, int cores) {

        /** Full-analysis capacity as a fraction of decode-only capacity, by CPU time. */
        public double analysisToDecodeRatio() {
            return analysis.streamsPerCore() / decodeOnly.streamsPerCore();
        }

        /**
         * Streams sustained in real time with full analysis, as a fraction of those sustained decoding alone;
         * NaN when decoding alone kept up with none.
         */
        public double sustainedRatio() {
            int decoded = decodeOnlyRealTime.sustained();
            return decoded == 0 ? Double.NaN : analysisRealTime.sustained() / (double) decoded;
        }
    }

    private static final int ROUNDS = 2;
    /** Real-time checks each search may run: enough to bracket and then pin down a count of about 30. */
    private static final int MAX_CHECKS = 7;

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

    /** Runs the throughput phases, then both real-time searches. */
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
        int cores = Runtime.getRuntime().availableProcessors();
        SustainedSearch decodeSearch = search(decode, cores);
        SustainedSearch analysisSearch = search(analysis, cores);
        List<RealTimeCheck> decodeChecks = new ArrayList<>();
        List<RealTimeCheck> analysisChecks = new ArrayList<>();
        while (decodeSearch.next().isPresent() || analysisSearch.next().isPresent()) {
            step(decodeSearch, "decode only", List.of(), decodeChecks);
            step(analysisSearch, "full analysis", detectors, analysisChecks);
        }
        return new Report(decode, analysis, result(decodeSearch, decodeChecks), result(analysisSearch, analysisChecks),
                cores);
    }

    /** A search starting from the count the CPU time allows, or checking the one count asked for. */
    private SustainedSearch search(Throughput fullSpeed, int cores) {
        if (settings.realTimeStreams() > 0) {
            return new SustainedSearch(settings.realTimeStreams(), settings.realTimeStreams(), 1);
        }
        return new SustainedSearch((int) Math.floor(fullSpeed.streamsPerCore() * cores), settings.maxStreams(), MAX_CHECKS);
    }

    private void step(SustainedSearch search, String side, List<Detector<?>> run, List<RealTimeCheck> checks)
            throws Exception {
        if (search.next().isEmpty()) {
            return;
        }
        int n = search.next().getAsInt();
        progress.accept("real time, " + side + ": " + n + " streams for " + settings.realTimeSeconds() + " s");
        RealTimeCheck check = realTime(n, run);
        checks.add(check);
        search.record(n, check.keptUp());
        progress.accept("  " + (check.keptUp() ? "kept up" : "did not keep up"));
    }

    private static RealTimeSearch result(SustainedSearch search, List<RealTimeCheck> checks) {
        return new RealTimeSearch(checks, search.sustained(), search.failedAt().orElse(0));
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

    /** {@code n} streams paced at real time through {@code run}; their lag says whether they kept up. */
    private RealTimeCheck realTime(int n, List<Detector<?>> run) throws Exception {
        List<StreamSource> sources = sources(n, true);
        Duration allowedLag = settings.maxLag().plusNanos((long) (settings.segmentSeconds() * 1e9));
        SupervisorSettings supervised = SupervisorSettings.DEFAULT.withWorkers(n).withMaxLag(allowedLag);
        ResourceMeter baseline = new ResourceMeter();
        System.gc();
        long baselineResident = baseline.residentBytes();
        try (StreamSupervisor supervisor = new StreamSupervisor(sources, run, new CountingNotifier(),
                new LoopingOpener(options, settings.realTimeSeconds(), settings.segmentSeconds()), supervised)) {
            ResourceMeter meter = new ResourceMeter();
            supervisor.start();
            double maxLag = 0;
            // Windows of a segment at least, so that each holds the moment a stream has caught up with its segment.
            double window = Math.max(1.0, settings.segmentSeconds());
            Map<String, LagTrend> trends = new HashMap<>();
            Set<String> behind = new HashSet<>();
            while (!supervisor.awaitEnd(Duration.ofMillis(250))) {
                List<StreamStatus> streams = supervisor.streams();
                // Only while every stream is analysing: before, some have no lag yet; after, an ended stream
                // keeps the lag of its last picture, which for a last segment cut short is up to a segment
                // higher than usual, and would read as growth at the very end of the run.
                boolean allAnalysing = streams.stream().allMatch(
                        s -> s.state() == StreamStatus.State.RUNNING || s.state() == StreamStatus.State.BEHIND);
                for (StreamStatus s : streams) {
                    maxLag = Math.max(maxLag, s.lagSeconds());
                    if (s.state() == StreamStatus.State.BEHIND) {
                        behind.add(s.streamId());
                    }
                    if (allAnalysing) {
                        trends.computeIfAbsent(s.streamId(), id -> new LagTrend(window))
                                .add(meter.wallSeconds(), s.lagSeconds());
                    }
                }
            }
            double growth = trends.values().stream().mapToDouble(LagTrend::growthPerMinute).average().orElse(0);
            for (StreamStatus s : supervisor.streams()) {
                maxLag = Math.max(maxLag, s.lagSeconds());
                if (s.state() != StreamStatus.State.ENDED) {
                    behind.add(s.streamId());
                }
            }
            ResourceUsage usage = supervisor.usage();
            return new RealTimeCheck(n, maxLag, growth, behind.size(),
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
