package avmon.cli.serverless;

import avmon.aws.metering.RequestCount;
import avmon.aws.metering.RequestMeter;
import avmon.aws.metering.S3RequestTier;
import avmon.local.lambda.LambdaMetrics;
import avmon.local.sns.SnsMetrics;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a run of the serverless pipeline on the local cloud used, measured: state transitions (as the
 * service bills them, and as the histories show them), the functions' S3 requests per operation and tier,
 * what stays stored, Lambda invocations and GB-seconds per function, and SNS publishes.
 *
 * @param streams            how each stream ended
 * @param billedTransitions  transitions the Step Functions service billed, over every execution
 * @param historyTransitions states entered plus retries, counted in the executions' histories
 * @param s3Requests         the functions' S3 requests per operation
 * @param s3Tier1            billable Tier 1 S3 requests (PUT, LIST)
 * @param s3Tier2            billable Tier 2 S3 requests (GET)
 * @param objectsStored      frame and audio objects left in the bucket
 * @param bytesStored        their bytes
 * @param lambda             invocation metrics per function
 * @param sns                the SNS service's counts
 */
public record PipelineReport(List<StreamOutcome> streams, long billedTransitions, long historyTransitions,
                             List<RequestCount> s3Requests, long s3Tier1, long s3Tier2, long objectsStored,
                             long bytesStored, Map<String, LambdaMetrics> lambda, SnsMetrics sns) {

    /** Measures a finished run. */
    public static PipelineReport measure(LocalPipeline pipeline, List<StreamOutcome> streams) {
        long billed = streams.stream().flatMap(s -> s.executionArns().stream())
                .mapToLong(pipeline.stepFunctions()::billedTransitions).sum();
        long history = streams.stream().mapToLong(StreamOutcome::historyTransitions).sum();
        RequestMeter meter = pipeline.functionRequests();
        List<RequestCount> s3 = meter.counts().stream()
                .filter(c -> c.service().equals(RequestMeter.S3_SERVICE)).toList();
        long objects = 0;
        long bytes = 0;
        for (S3Object o : pipeline.s3().listObjectsV2Paginator(b -> b.bucket(LocalPipeline.BUCKET).prefix("frames/"))
                .contents()) {
            objects++;
            bytes += o.size();
        }
        Map<String, LambdaMetrics> lambda = new LinkedHashMap<>();
        for (String f : List.of(LocalPipeline.CONVERTER, LocalPipeline.DETECTOR, LocalPipeline.NOTIFIER)) {
            lambda.put(f, pipeline.cloud().lambda().metrics(f));
        }
        return new PipelineReport(streams, billed, history, s3, meter.s3BillableRequests(S3RequestTier.TIER_1),
                meter.s3BillableRequests(S3RequestTier.TIER_2), objects, bytes, lambda, pipeline.cloud().sns().metrics());
    }

    /** Calls of one S3 operation by the functions (0 when never called). */
    public long s3Calls(String operation) {
        return s3Requests.stream().filter(c -> c.operation().equals(operation)).mapToLong(RequestCount::calls).sum();
    }

    /** Lambda totals over the three functions. */
    public LambdaMetrics lambdaTotal() {
        return lambda.values().stream().reduce(LambdaMetrics.ZERO, LambdaMetrics::plus);
    }

    /** Prints the report as a few aligned tables. */
    public void print(PrintWriter out) {
        out.println("Streams");
        for (StreamOutcome s : streams) {
            out.printf(Locale.ROOT, "  %-24s %-9s %3s segments  %d execution(s)%s%n", s.streamId(), s.status(),
                    s.segments() == null ? "-" : s.segments(), s.executionArns().size(),
                    s.error() == null ? "" : "  " + s.error());
        }
        out.println("Step Functions");
        out.printf(Locale.ROOT, "  billed transitions        %,d (histories: %,d states entered + retries%s)%n",
                billedTransitions, historyTransitions, billedTransitions == historyTransitions ? ", agree" : ", DIFFER");
        out.println("S3 requests by the functions");
        for (RequestCount c : s3Requests) {
            out.printf(Locale.ROOT, "  %-24s %-7s %,8d calls %,8d billable%n", c.operation(), c.s3Tier(), c.calls(),
                    c.billableAttempts());
        }
        out.printf(Locale.ROOT, "  tier 1 %,d, tier 2 %,d; stored %,d objects, %,d bytes%n", s3Tier1, s3Tier2,
                objectsStored, bytesStored);
        out.println("Lambda");
        lambda.forEach((name, m) -> out.printf(Locale.ROOT,
                "  %-16s %,6d invocations %,4d cold %,8d billed ms %,10.3f GB-s %,4d errors%n", name,
                m.invocations(), m.coldStarts(), m.billedMs(), m.gbSeconds(), m.errors()));
        LambdaMetrics total = lambdaTotal();
        out.printf(Locale.ROOT, "  %-16s %,6d invocations %,4d cold %,8d billed ms %,10.3f GB-s%n", "total",
                total.invocations(), total.coldStarts(), total.billedMs(), total.gbSeconds());
        out.println("SNS");
        out.printf(Locale.ROOT, "  %,d messages published (%,d Publish, %,d PublishBatch calls, %,d billed requests)%n",
                sns.messagesPublished(), sns.publishCalls(), sns.publishBatchCalls(), sns.billedRequests());
        out.flush();
    }
}
