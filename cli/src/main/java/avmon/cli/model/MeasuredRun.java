package avmon.cli.model;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code avmon compare} run measured, as raw counts over the whole run, with the workload they
 * were measured on. It is what {@code report.json} holds under {@code "measured"} and what
 * {@code avmon cost --from report.json} prices again without running anything.
 *
 * <p>Counts are kept raw, not per stream-hour, so a reader can check them against the run's own output; the
 * per stream-hour usage the cost and scale models take is derived here, by stream time.
 *
 * @param workload   what was run
 * @param serverless what the serverless design used on the local cloud
 * @param monolith   what the monolith used
 * @param detection  for each design and stream, the injected defects it found and missed
 */
public record MeasuredRun(Workload workload, ServerlessCounts serverless, MonolithCounts monolith,
                          List<DetectionCheck> detection) {

    private static final double SECONDS_PER_HOUR = 3600;
    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;
    private static final double DAYS_PER_MONTH = 30;

    public MeasuredRun {
        detection = List.copyOf(detection);
    }

    /**
     * The serverless design's usage per stream-hour: each count divided by the stream-hours analysed. Storage
     * is the bytes one stream-hour writes, kept {@code retentionDays} (the bucket's lifecycle rule), in
     * GB-months.
     */
    public ServerlessUsage serverlessPerStreamHour(double retentionDays) {
        double h = workload.streamHours();
        ServerlessCounts s = serverless;
        return new ServerlessUsage(s.billedTransitions() / h, s.executions() / h, s.lambdaInvocations() / h,
                s.lambdaGbSeconds() / h, s.lambdaBilledMs() / 1000.0 / h, s.s3Tier1() / h, s.s3Tier2() / h,
                s.bytesWritten() / BYTES_PER_GB / h * retentionDays / DAYS_PER_MONTH, s.snsBilledRequests() / h);
    }

    /** The monolith's usage per stream-hour: CPU by stream time, memory per concurrent stream. */
    public MonolithUsage monolithPerStreamHour() {
        double h = workload.streamHours();
        MonolithCounts m = monolith;
        return new MonolithUsage(m.cpuSeconds() / h, m.peakResidentMb() / m.streams(), m.s3Tier1() / h,
                m.s3Tier2() / h, m.snsBilledRequests() / h);
    }

    /** Whether both designs found every injected defect and reported nothing else. */
    public boolean bothFoundEverything() {
        return detection.stream().allMatch(DetectionCheck::complete);
    }

    /**
     * What was run.
     *
     * @param streams              streams run through each design
     * @param streamSeconds        stream time analysed, summed over the streams (the same for both designs)
     * @param segmentSeconds       length of one HLS segment (one converter invocation, one Map iteration)
     * @param analysedFps          pictures analysed per second of stream
     * @param detectors            the detectors run on every segment
     * @param segmentsPerExecution segments one Standard execution handles before it continues as new
     * @param thumbnail            analysis picture size, {@code WIDTHxHEIGHT}
     */
    public record Workload(int streams, double streamSeconds, double segmentSeconds, double analysedFps,
                           List<String> detectors, int segmentsPerExecution, String thumbnail) {

        public Workload {
            detectors = List.copyOf(detectors);
        }

        public double streamHours() {
            return streamSeconds / SECONDS_PER_HOUR;
        }
    }

    /**
     * The serverless run's counts.
     *
     * @param executions         executions started (first ones and continue-as-new successors)
     * @param billedTransitions  transitions the Step Functions service billed
     * @param historyTransitions states entered plus retries, counted in the histories (must equal the billed)
     * @param s3Requests         the functions' S3 calls per operation ({@code PutObject}, {@code GetObject} ...)
     * @param s3Tier1            billable Tier 1 S3 requests
     * @param s3Tier2            billable Tier 2 S3 requests
     * @param framesWritten      pictures the converter stored
     * @param audioWritten       audio buffers the converter stored
     * @param manifestsWritten   segment manifests the converter stored
     * @param bytesWritten       bytes the converter stored
     * @param lambdaInvocations  Lambda invocations, all functions
     * @param lambdaColdStarts   of which cold starts
     * @param lambdaBilledMs     billed milliseconds, all functions
     * @param lambdaGbSeconds    GB-seconds, all functions
     * @param perFunction        invocations, cold starts, billed ms and GB-s per function name
     * @param snsMessages        messages published to the topic
     * @param snsBilledRequests  SNS requests billed (64 KB chunks)
     */
    public record ServerlessCounts(long executions, long billedTransitions, long historyTransitions,
                                   Map<String, Long> s3Requests, long s3Tier1, long s3Tier2, long framesWritten,
                                   long audioWritten, long manifestsWritten, long bytesWritten,
                                   long lambdaInvocations, long lambdaColdStarts, long lambdaBilledMs,
                                   double lambdaGbSeconds, Map<String, FunctionCounts> perFunction,
                                   long snsMessages, long snsBilledRequests) {

        public ServerlessCounts {
            s3Requests = Map.copyOf(s3Requests);
            perFunction = Map.copyOf(perFunction);
        }
    }

    /**
     * One function's counts.
     *
     * @param invocations invocations
     * @param coldStarts  cold starts
     * @param billedMs    billed milliseconds
     * @param gbSeconds   GB-seconds
     * @param memoryMb    the memory it was configured with
     */
    public record FunctionCounts(long invocations, long coldStarts, long billedMs, double gbSeconds, int memoryMb) {
    }

    /**
     * The monolith run's counts.
     *
     * @param streams           streams monitored at once
     * @param wallSeconds       how long the run took
     * @param cpuSeconds        CPU time the process used, all cores
     * @param peakHeapMb        highest heap use sampled
     * @param peakResidentMb    peak resident memory of the process (heap if unknown)
     * @param s3Tier1           billable Tier 1 S3 requests (0 for file sources)
     * @param s3Tier2           billable Tier 2 S3 requests (reading sources from S3)
     * @param snsMessages       messages published
     * @param snsBilledRequests SNS requests billed
     */
    public record MonolithCounts(int streams, double wallSeconds, double cpuSeconds, double peakHeapMb,
                                 double peakResidentMb, long s3Tier1, long s3Tier2, long snsMessages,
                                 long snsBilledRequests) {
    }

    /**
     * One design's result on one stream against the stream's ground truth.
     *
     * @param design   {@code serverless} or {@code monolith}
     * @param streamId the stream
     * @param expected injected defects, as {@code type@start+duration}
     * @param missed   injected defects it did not report
     * @param extra    defects it reported that were not injected
     * @param failure  why the design could not run the stream to its end ({@code error: cause}), or
     *                 {@code null} when it did
     */
    public record DetectionCheck(String design, String streamId, List<String> expected, List<String> missed,
                                 List<String> extra, String failure) {

        public DetectionCheck {
            expected = List.copyOf(expected);
            missed = List.copyOf(missed);
            extra = List.copyOf(extra);
        }

        /** A stream the design ran to its end. */
        public DetectionCheck(String design, String streamId, List<String> expected, List<String> missed,
                              List<String> extra) {
            this(design, streamId, expected, missed, extra, null);
        }

        /** Whether the design ran the stream to its end, found every injected defect and nothing else. */
        public boolean complete() {
            return failure == null && missed.isEmpty() && extra.isEmpty();
        }
    }
}
