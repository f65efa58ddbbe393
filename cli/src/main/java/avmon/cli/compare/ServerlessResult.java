package avmon.cli.compare;

import avmon.aws.metering.RequestCount;
import avmon.cli.model.MeasuredRun.FunctionCounts;
import avmon.cli.model.MeasuredRun.ServerlessCounts;
import avmon.cli.serverless.LocalPipeline;
import avmon.cli.serverless.PipelineReport;
import avmon.cli.serverless.StreamOutcome;
import avmon.local.lambda.LambdaMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The serverless design's run: what the pipeline measured, what the converter says it wrote, what each
 * stream gave, and how long the run took.
 *
 * @param report      the pipeline's measurements
 * @param writes      what the converter wrote, counted apart from the request meter
 * @param streams     each stream's defects and failure
 * @param wallSeconds from the first execution started to the last one ended
 */
public record ServerlessResult(PipelineReport report, ConverterWrites writes, List<StreamResult> streams,
                               double wallSeconds) {

    public ServerlessResult {
        streams = List.copyOf(streams);
    }

    /** The memory each function is deployed with, as the pipeline deploys it. */
    private static final Map<String, Integer> MEMORY_MB = Map.of(
            LocalPipeline.CONVERTER, LocalPipeline.FunctionSize.CONVERTER_SIZE.memoryMb(),
            LocalPipeline.DETECTOR, LocalPipeline.FunctionSize.DETECTOR_SIZE.memoryMb(),
            LocalPipeline.NOTIFIER, LocalPipeline.FunctionSize.NOTIFIER_SIZE.memoryMb());

    /** The counts the comparison keeps. */
    public ServerlessCounts counts() {
        Map<String, Long> s3 = new LinkedHashMap<>();
        for (RequestCount c : report.s3Requests()) {
            s3.merge(c.operation(), c.calls(), Long::sum);
        }
        Map<String, FunctionCounts> functions = new LinkedHashMap<>();
        report.lambda().forEach((name, m) -> functions.put(name, new FunctionCounts(m.invocations(), m.coldStarts(),
                m.billedMs(), m.gbSeconds(), MEMORY_MB.getOrDefault(name, 0))));
        LambdaMetrics total = report.lambdaTotal();
        long executions = report.streams().stream().mapToLong(s -> s.executionArns().size()).sum();
        return new ServerlessCounts(executions, report.billedTransitions(), report.historyTransitions(), s3,
                report.s3Tier1(), report.s3Tier2(), writes.frames(), writes.audio(), writes.manifests(),
                writes.bytes(), total.invocations(), total.coldStarts(), total.billedMs(), total.gbSeconds(),
                functions, report.sns().messagesPublished(), report.sns().billedRequests());
    }

    /** Streams whose executions all succeeded. */
    public long succeeded() {
        return report.streams().stream().filter(StreamOutcome::succeeded).count();
    }
}
