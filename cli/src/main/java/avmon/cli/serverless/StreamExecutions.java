package avmon.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Runs streams through a deployed workflow with nothing but the Step Functions API, so the same code drives
 * the local engine, LocalStack and AWS: starts one execution per stream, follows each to its end and on to
 * the successors it continues as, and counts from their histories the states entered and the retries.
 */
public final class StreamExecutions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn;
    private final String stateMachineArn;
    private final Duration pollInterval;
    private final Duration streamTimeout;
    private final Consumer<String> progress;

    /**
     * @param streamTimeout how long one stream may take over all its executions before it is stopped
     * @param progress      receives one line per execution started or ended
     */
    public StreamExecutions(SfnClient sfn, String stateMachineArn, Duration pollInterval, Duration streamTimeout,
                            Consumer<String> progress) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.pollInterval = pollInterval;
        this.streamTimeout = streamTimeout;
        this.progress = progress;
    }

    /** Starts every stream, then follows each to its end. */
    public List<StreamOutcome> run(List<StreamInput> streams) throws InterruptedException {
        List<String> first = new ArrayList<>();
        for (StreamInput stream : streams) {
            first.add(start(stream));
        }
        List<StreamOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            outcomes.add(follow(streams.get(i).streamId(), first.get(i)));
        }
        return outcomes;
    }

    /** Starts a stream's first execution; returns its ARN. */
    public String start(StreamInput stream) {
        return startRaw(stream.streamId(), stream.toJson());
    }

    /** Starts an execution with any input (tests use it for malformed ones); returns its ARN. */
    public String startRaw(String label, String input) {
        String safe = label.replaceAll("[^A-Za-z0-9_-]", "_");
        String name = safe.substring(0, Math.min(safe.length(), 40)) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String arn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(input))
                .executionArn();
        progress.accept(label + ": started " + name);
        return arn;
    }

    /**
     * Follows an execution and its successors to the end. A stream still running after the stream timeout is
     * stopped, so nothing is left running behind a report.
     */
    public StreamOutcome follow(String streamId, String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plus(streamTimeout);
        List<String> executions = new ArrayList<>();
        long entered = 0;
        long retries = 0;
        String current = executionArn;
        while (true) {
            executions.add(current);
            DescribeExecutionResponse done = awaitEnd(current, deadline);
            HistoryCounts counts = historyCounts(current);
            entered += counts.statesEntered;
            retries += counts.retries;
            JsonNode output = parse(done.output());
            String successor = output == null ? null : text(output, "successor");
            if (done.status() == ExecutionStatus.SUCCEEDED && successor != null) {
                progress.accept(streamId + ": execution " + executions.size() + " continued as new at segment "
                        + text(output, "continuedAt"));
                current = successor;
                continue;
            }
            Integer segments = output != null && output.hasNonNull("segments") ? output.get("segments").asInt() : null;
            progress.accept(streamId + ": " + done.statusAsString()
                    + (segments != null ? ", " + segments + " segments" : "")
                    + (done.error() != null ? ", " + done.error() + ": " + causeMessage(done.cause()) : "")
                    + " (" + executions.size() + " execution" + (executions.size() == 1 ? "" : "s") + ")");
            return new StreamOutcome(streamId, executions, done.statusAsString(), done.error(), done.cause(), segments,
                    entered, retries);
        }
    }

    private DescribeExecutionResponse awaitEnd(String executionArn, Instant deadline) throws InterruptedException {
        while (true) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING && d.status() != ExecutionStatus.PENDING_REDRIVE) {
                return d;
            }
            if (Instant.now().isAfter(deadline)) {
                sfn.stopExecution(b -> b.executionArn(executionArn).error("avmon.StreamTimeout")
                        .cause("the stream did not finish within " + streamTimeout));
                Thread.sleep(pollInterval.toMillis());
                return sfn.describeExecution(b -> b.executionArn(executionArn));
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** States entered and retries: a task scheduled again after it was entered once is a retry. */
    private HistoryCounts historyCounts(String executionArn) {
        long entered = 0;
        long taskEntered = 0;
        long scheduled = 0;
        for (HistoryEvent e : sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000))
                .events()) {
            String type = e.typeAsString();
            if (type.endsWith("StateEntered")) {
                entered++;
                if (type.equals("TaskStateEntered")) {
                    taskEntered++;
                }
            } else if (type.equals("TaskScheduled") || type.equals("LambdaFunctionScheduled")) {
                scheduled++;
            }
        }
        return new HistoryCounts(entered, Math.max(0, scheduled - taskEntered));
    }

    private record HistoryCounts(long statesEntered, long retries) {
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /** The failure's own words: the innermost errorMessage of a (nested) Lambda error document, else the cause. */
    public static String causeMessage(String cause) {
        String text = cause;
        for (int depth = 0; depth < 3 && text != null; depth++) {
            JsonNode document = parse(text);
            if (document == null || !document.hasNonNull("errorMessage")) {
                break;
            }
            text = document.get("errorMessage").asText();
        }
        return text == null ? "" : text;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
