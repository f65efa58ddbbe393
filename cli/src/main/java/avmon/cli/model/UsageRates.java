package avmon.cli.model;

import avmon.core.detect.Detector;
import avmon.core.detect.DetectorSettings;
import java.util.List;
import java.util.Map;

/**
 * A measured run's counts as rates per unit of work, so usage can be derived again at other settings than
 * the ones measured (analysed pictures per second, segment length, number of detectors).
 *
 * <p>Each count is divided by the unit of work that causes it, measured in the same run:
 * <ul>
 * <li>stream-seconds ({@code s}); segments ({@code s / L}); analysed pictures ({@code s x f}); detector runs
 *     ({@code segments x D}: one Map iteration, one detector invocation each); pictures read by video detectors
 *     ({@code pictures x D x videoShare}); audio detector runs ({@code detector runs x audioShare}).</li>
 * <li>Transitions: one per detector run (the Map iteration's {@code RunDetector} state, from the workflow's
 *     structure), the rest per segment (convert, choices, the Map state, next segment, notify, retries, and
 *     the executions' own states).</li>
 * <li>Executions: one per {@code segmentsPerExecution} segments, the continue-as-new successors of a long-running
 *     stream. A short run's executions are mostly its streams' first ones, which a stream monitored for days
 *     does not repeat every hour: this is the one figure that does not come back as measured.</li>
 * <li>Lambda: the converter's invocations per segment and its duration per stream-second (FFmpeg decodes every
 *     picture whatever is analysed); the detector's invocations per detector run and its duration per picture
 *     it reads; anything else (the notifier) per stream-second. GB-seconds are those durations times the
 *     assumed memory of each function: the duration is kept as measured whatever the memory (a CPU-bound
 *     function given more memory would finish sooner, so more memory costs less than this says).</li>
 * <li>S3 Tier 1: the stored pictures per analysed picture, the rest (audio, manifest) per segment.
 *     Tier 2: one audio read per audio detector run (the detector reads one buffer), the rest per picture a
 *     video detector reads. Bytes stored per stream-second (pictures and audio are not counted apart).</li>
 * <li>SNS: per stream-second: defects are a property of the streams.</li>
 * <li>Monolith CPU per stream-second, of which the decode share does not depend on pictures analysed or
 *     detectors; memory per stream above the process's baseline.</li>
 * </ul>
 * Derived at the measured settings, every figure equals the measured one ({@link MeasuredRun}'s per
 * stream-hour usage), except executions (above) and the monolith's memory, which leaves the process baseline
 * out.
 *
 * @param measuredFps             analysed pictures per second in the run
 * @param measuredSegmentSeconds  segment length in the run
 * @param measuredDetectors       detectors in the run
 * @param videoShare              share of the run's detectors that read pictures
 * @param audioShare              share of the run's detectors that read audio
 * @param transitionsPerDetectorRun transitions per detector run (the workflow's structure)
 * @param transitionsPerSegment   the other transitions, per segment
 * @param executionsPerSegment    executions per segment of a long-running stream
 * @param lambdaRequestsPerSegment converter invocations per segment
 * @param lambdaRequestsPerDetectorRun detector invocations per detector run
 * @param lambdaRequestsPerSecond other invocations per stream-second
 * @param converterBusyPerSecond  converter billed seconds per stream-second
 * @param lambdaBusyPerDetectorPicture detector billed seconds per picture per detector
 * @param otherBusyPerSecond      other functions' billed seconds per stream-second
 * @param otherGbSecondsPerSecond other functions' GB-seconds per stream-second (at their measured memory)
 * @param tier1PerPicture         Tier 1 requests per analysed picture (the picture's PUT)
 * @param tier1PerSegment         the other Tier 1 requests per segment
 * @param tier2PerAudioRun        Tier 2 requests per audio detector run
 * @param tier2PerVideoPicture    Tier 2 requests per picture a video detector reads
 * @param bytesPerSecond          bytes stored per stream-second
 * @param snsPerSecond            SNS billed requests per stream-second
 * @param monolithCpuPerSecond    monolith CPU seconds per stream-second
 * @param monolithMbPerStream     monolith resident memory per stream above the baseline
 * @param monolithTier1PerSecond  monolith Tier 1 requests per stream-second
 * @param monolithTier2PerSecond  monolith Tier 2 requests per stream-second
 * @param monolithSnsPerSecond    monolith SNS billed requests per stream-second
 */
public record UsageRates(double measuredFps, double measuredSegmentSeconds, int measuredDetectors,
                         double videoShare, double audioShare,
                         double transitionsPerDetectorRun, double transitionsPerSegment, double executionsPerSegment,
                         double lambdaRequestsPerSegment, double lambdaRequestsPerDetectorRun,
                         double lambdaRequestsPerSecond, double converterBusyPerSecond,
                         double lambdaBusyPerDetectorPicture, double otherBusyPerSecond,
                         double otherGbSecondsPerSecond, double tier1PerPicture, double tier1PerSegment,
                         double tier2PerAudioRun, double tier2PerVideoPicture, double bytesPerSecond,
                         double snsPerSecond, double monolithCpuPerSecond, double monolithMbPerStream,
                         double monolithTier1PerSecond, double monolithTier2PerSecond, double monolithSnsPerSecond) {

    /**
     * One {@code RunDetector} state per Map iteration in the stream workflow (less only if a run billed fewer
     * transitions than it ran detectors, which the rate then follows so the measured total is kept).
     */
    public static final double TRANSITIONS_PER_DETECTOR_RUN = 1;
    /** A detector that reads audio reads the segment's one buffer. */
    public static final double AUDIO_READS_PER_RUN = 1;

    private static final double SECONDS_PER_HOUR = 3600;
    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;
    private static final double DAYS_PER_MONTH = 30;
    private static final double MB_PER_GB = 1024;

    /**
     * The rates of a run.
     *
     * @param baselineMb the monolith process's memory before its first stream
     */
    public static UsageRates of(MeasuredRun run, double baselineMb) {
        MeasuredRun.Workload w = run.workload();
        Work work = Work.of(w.streamSeconds(), w.analysedFps(), w.segmentSeconds(), w.detectors().size(),
                videoShare(w.detectors()), audioShare(w.detectors()));
        MeasuredRun.ServerlessCounts s = run.serverless();
        FunctionSplit f = FunctionSplit.of(s);
        double audioReads = Math.min(s.s3Tier2(), work.audioRuns() * AUDIO_READS_PER_RUN);
        double detectorTransitions = Math.min(s.billedTransitions(), work.detectorRuns() * TRANSITIONS_PER_DETECTOR_RUN);
        MeasuredRun.MonolithCounts m = run.monolith();
        return new UsageRates(w.analysedFps(), w.segmentSeconds(), w.detectors().size(),
                videoShare(w.detectors()), audioShare(w.detectors()),
                per(detectorTransitions, work.detectorRuns()),
                (s.billedTransitions() - detectorTransitions) / work.segments(),
                w.segmentsPerExecution() > 0 ? 1.0 / w.segmentsPerExecution() : s.executions() / work.segments(),
                f.converter.invocations() / work.segments(), per(f.detector.invocations(), work.detectorRuns()),
                f.other.invocations() / work.seconds(), f.converter.billedMs() / 1000.0 / work.seconds(),
                per(f.detector.billedMs() / 1000.0, work.detectorPictures()),
                f.other.billedMs() / 1000.0 / work.seconds(), f.other.gbSeconds() / work.seconds(),
                per(s.framesWritten(), work.pictures()), (s.s3Tier1() - s.framesWritten()) / work.segments(),
                per(audioReads, work.audioRuns()), per(s.s3Tier2() - audioReads, work.videoPictures()),
                s.bytesWritten() / work.seconds(), s.snsBilledRequests() / work.seconds(),
                m.cpuSeconds() / work.seconds(), Math.max(0, m.peakResidentMb() - baselineMb) / m.streams(),
                m.s3Tier1() / work.seconds(), m.s3Tier2() / work.seconds(), m.snsBilledRequests() / work.seconds());
    }

    /** The serverless design's usage for one stream-hour at the assumed settings. */
    public ServerlessUsage serverless(Assumptions a) {
        Work h = hour(a);
        return new ServerlessUsage(
                transitionsPerDetectorRun * h.detectorRuns() + transitionsPerSegment * h.segments(),
                executionsPerSegment * h.segments(),
                lambdaRequestsPerSegment * h.segments() + lambdaRequestsPerDetectorRun * h.detectorRuns()
                        + lambdaRequestsPerSecond * h.seconds(),
                converterBusyPerSecond * h.seconds() * a.converterMemoryMb() / MB_PER_GB
                        + lambdaBusyPerDetectorPicture * h.detectorPictures() * a.detectorMemoryMb() / MB_PER_GB
                        + otherGbSecondsPerSecond * h.seconds(),
                (converterBusyPerSecond + otherBusyPerSecond) * h.seconds()
                        + lambdaBusyPerDetectorPicture * h.detectorPictures(),
                tier1PerPicture * h.pictures() + tier1PerSegment * h.segments(),
                tier2PerAudioRun * h.audioRuns() + tier2PerVideoPicture * h.videoPictures(),
                bytesPerSecond * h.seconds() / BYTES_PER_GB * a.retentionDays() / DAYS_PER_MONTH,
                snsPerSecond * h.seconds());
    }

    /** The monolith's usage for one stream-hour at the assumed settings. */
    public MonolithUsage monolith(Assumptions a) {
        double share = a.monolithDecodeShare();
        double analysis = a.analysedFps() / measuredFps * a.detectors() / measuredDetectors;
        return new MonolithUsage(monolithCpuPerSecond * SECONDS_PER_HOUR * (share + (1 - share) * analysis),
                monolithMbPerStream, monolithTier1PerSecond * SECONDS_PER_HOUR,
                monolithTier2PerSecond * SECONDS_PER_HOUR, monolithSnsPerSecond * SECONDS_PER_HOUR);
    }

    private Work hour(Assumptions a) {
        return Work.of(SECONDS_PER_HOUR, a.analysedFps(), a.segmentSeconds(), a.detectors(), videoShare, audioShare);
    }

    private static double per(double count, double work) {
        return work == 0 ? 0 : count / work;
    }

    private static double videoShare(List<String> detectors) {
        return share(detectors, true);
    }

    private static double audioShare(List<String> detectors) {
        return share(detectors, false);
    }

    /** Detectors avmon does not know are counted as reading pictures, the usual case. */
    private static double share(List<String> names, boolean video) {
        if (names.isEmpty()) {
            return 0;
        }
        long n = 0;
        for (String name : names) {
            Detector<?> d;
            try {
                d = DetectorSettings.DEFAULTS.detectors(List.of(name)).get(0);
            } catch (IllegalArgumentException unknown) {
                n += video ? 1 : 0;
                continue;
            }
            n += (video ? d.usesVideo() : d.usesAudio()) ? 1 : 0;
        }
        return (double) n / names.size();
    }

    /** The units of work in some stream time at some settings. */
    private record Work(double seconds, double segments, double pictures, double detectorRuns, double audioRuns,
                        double videoPictures, double detectorPictures) {

        static Work of(double seconds, double fps, double segmentSeconds, int detectors, double videoShare,
                       double audioShare) {
            double segments = seconds / segmentSeconds;
            double pictures = seconds * fps;
            return new Work(seconds, segments, pictures, segments * detectors, segments * detectors * audioShare,
                    pictures * detectors * videoShare, pictures * detectors);
        }
    }

    /** The run's Lambda counts split into the converter, the detector and the rest. */
    private record FunctionSplit(MeasuredRun.FunctionCounts converter, MeasuredRun.FunctionCounts detector,
                                 MeasuredRun.FunctionCounts other) {

        private static final MeasuredRun.FunctionCounts ZERO = new MeasuredRun.FunctionCounts(0, 0, 0, 0, 0);

        /** By function name; without per-function counts everything counts per stream-second. */
        static FunctionSplit of(MeasuredRun.ServerlessCounts s) {
            MeasuredRun.FunctionCounts converter = ZERO;
            MeasuredRun.FunctionCounts detector = ZERO;
            for (Map.Entry<String, MeasuredRun.FunctionCounts> e : s.perFunction().entrySet()) {
                if (e.getKey().contains("converter")) {
                    converter = plus(converter, e.getValue());
                } else if (e.getKey().contains("detector")) {
                    detector = plus(detector, e.getValue());
                }
            }
            long invocations = s.lambdaInvocations() - converter.invocations() - detector.invocations();
            long ms = s.lambdaBilledMs() - converter.billedMs() - detector.billedMs();
            double gb = s.lambdaGbSeconds() - converter.gbSeconds() - detector.gbSeconds();
            return new FunctionSplit(converter, detector, new MeasuredRun.FunctionCounts(invocations, 0, ms, gb, 0));
        }

        private static MeasuredRun.FunctionCounts plus(MeasuredRun.FunctionCounts a, MeasuredRun.FunctionCounts b) {
            return new MeasuredRun.FunctionCounts(a.invocations() + b.invocations(), a.coldStarts() + b.coldStarts(),
                    a.billedMs() + b.billedMs(), a.gbSeconds() + b.gbSeconds(), Math.max(a.memoryMb(), b.memoryMb()));
        }
    }
}
