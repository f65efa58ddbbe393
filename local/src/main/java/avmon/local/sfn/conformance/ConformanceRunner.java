package avmon.local.sfn.conformance;

import avmon.local.sfn.DefinitionParser;
import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.InvalidDefinitionException;
import avmon.local.sfn.StateMachineDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the recorded corpus through an engine and compares each execution with what AWS returned: status,
 * output, error, cause, the number of entered states and the history's event types. Executions run on a
 * virtual clock, one at a time, each with a wall-clock limit so a stuck case cannot stall the run.
 */
public final class ConformanceRunner {

    /** The account, region and role the corpus was recorded with (its {@code contextDependencies}). */
    static final String ACCOUNT = "111111111111";
    static final String REGION = "us-east-1";
    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/snf_role";
    private static final Duration CASE_LIMIT = Duration.ofSeconds(30);

    private final DefinitionParser parser;

    public ConformanceRunner(DefinitionParser parser) {
        this.parser = parser;
    }

    /**
     * Runs the cases whose name matches {@code nameGlob} ({@code null} for all).
     *
     * @param progress told after each case
     */
    public ConformanceReport run(List<ConformanceCase> cases, String nameGlob, Consumer<CaseResult> progress) {
        PathMatcher matcher = nameGlob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + nameGlob);
        List<CaseResult> results = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sfn-conformance");
            t.setDaemon(true);
            return t;
        });
        try {
            for (ConformanceCase c : cases) {
                if (matcher != null && !matcher.matches(Path.of(c.name()))) {
                    continue;
                }
                CaseResult result = runWithLimit(worker, c);
                results.add(result);
                progress.accept(result);
            }
        } finally {
            worker.shutdownNow();
        }
        return new ConformanceReport(results);
    }

    private CaseResult runWithLimit(ExecutorService worker, ConformanceCase c) {
        Future<List<String>> future = worker.submit(() -> runCase(c));
        List<String> reasons;
        try {
            reasons = future.get(CASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            reasons = List.of("did not finish within " + CASE_LIMIT.toSeconds() + " s of real time");
        } catch (ExecutionException e) {
            reasons = List.of("the engine threw " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reasons = List.of("interrupted");
        }
        return new CaseResult(c.name(), c.primary(), c.queryLanguage(), reasons);
    }

    /** Runs one case; returns why it does not match AWS's record (empty when it does). */
    List<String> runCase(ConformanceCase c) throws InterruptedException {
        JsonNode expected = c.expected();
        StateMachineDefinition definition;
        try {
            definition = parser.parse(c.definition());
        } catch (InvalidDefinitionException e) {
            return List.of("definition rejected: " + e.getMessage());
        }
        VirtualClock clock = new VirtualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        CorpusFunctions functions = new CorpusFunctions(clock);
        for (JsonNode lambda : expected.path("lambdas")) {
            functions.register(lambda.path("name").asText(), lambda.path("handlerFile").asText());
        }
        String machineName = expected.path("stateMachineName").asText("statemachine");
        String machineArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + machineName;
        LocalExecutions executions = new LocalExecutions(arn -> context(arn, machineArn, machineName, clock, functions, null));
        String executionName = UUID.randomUUID().toString();
        String executionArn = "EXPRESS".equals(expected.path("workflowType").asText())
                ? "arn:aws:states:" + REGION + ":" + ACCOUNT + ":express:" + machineName + ":" + executionName + ":"
                        + UUID.randomUUID()
                : "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + machineName + ":" + executionName;
        ExecutionContext context = context(executionArn, machineArn, machineName, clock, functions, executions);
        RecordedHistory history = new RecordedHistory(clock);
        ExecutionOutcome outcome = definition.run(c.input(), context, history);
        return compare(c, outcome, history.types());
    }

    private static ExecutionContext context(String executionArn, String machineArn, String machineName,
                                            VirtualClock clock, CorpusFunctions functions, LocalExecutions executions) {
        String name = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        return new ExecutionContext(executionArn, name, machineArn, machineName, ROLE_ARN, clock.now(), 0, clock,
                functions, executions == null ? ExecutionContext.ExecutionStarter.NONE : executions);
    }

    static List<String> compare(ConformanceCase c, ExecutionOutcome outcome, List<String> eventTypes) {
        JsonNode expected = c.expected();
        Set<String> tokens = new HashSet<>();
        for (JsonNode mask : expected.path("masks")) {
            mask.path("tokens").forEach(t -> tokens.add(t.asText()));
        }
        MaskedComparison comparison = new MaskedComparison(tokens);
        List<String> reasons = new ArrayList<>();
        String status = expected.path("status").asText();
        if (!status.equals(outcome.status())) {
            reasons.add("status: expected " + status + ", got " + outcome.status()
                    + (outcome.error() != null ? " (" + outcome.error() + ": "
                    + MaskedComparison.abbreviate(outcome.cause()) + ")" : ""));
            return reasons;
        }
        if ("SUCCEEDED".equals(status)) {
            JsonNode expectedOutput = expected.has("outputText")
                    ? parseOrText(expected.get("outputText").asText()) : expected.get("output");
            String d = comparison.difference(expectedOutput, parseOrText(outcome.output()), "output");
            if (d != null) {
                reasons.add(d);
            }
        } else {
            if (!Objects.equals(textOrNull(expected.get("error")), outcome.error())) {
                reasons.add("error: expected " + textOrNull(expected.get("error")) + ", got " + outcome.error());
            }
            String d = causeDifference(comparison, expected, outcome.cause());
            if (d != null) {
                reasons.add(d);
            }
        }
        if (expected.hasNonNull("stateEnteredCount")) {
            long entered = eventTypes.stream().filter(t -> t.endsWith("StateEntered")).count();
            if (entered != expected.get("stateEnteredCount").asLong()) {
                reasons.add("stateEnteredCount: expected " + expected.get("stateEnteredCount") + ", got " + entered);
            }
        }
        if (expected.hasNonNull("eventTypes")) {
            String d = eventDifference(expected, eventTypes);
            if (d != null) {
                reasons.add(d);
            }
        }
        return reasons;
    }

    private static String causeDifference(MaskedComparison comparison, JsonNode expected, String actualCause) {
        JsonNode cause = expected.get("cause");
        if (expected.path("causeIsJson").asBoolean(false) && cause != null && cause.isContainerNode()) {
            if (cause.toString().contains("stackTrace")) {
                return null;
            }
            return comparison.difference(cause, actualCause == null ? null : parseOrText(actualCause), "cause");
        }
        return comparison.textDifference(textOrNull(cause), actualCause, "cause");
    }

    private static String eventDifference(JsonNode expected, List<String> actual) {
        List<String> want = new ArrayList<>();
        expected.get("eventTypes").forEach(t -> want.add(t.asText()));
        if (expected.path("eventOrderMayVary").asBoolean(false)) {
            Map<String, Integer> wantCounts = counts(want);
            Map<String, Integer> gotCounts = counts(actual);
            return wantCounts.equals(gotCounts) ? null
                    : "event type counts: expected " + wantCounts + ", got " + gotCounts;
        }
        if (want.equals(actual)) {
            return null;
        }
        int i = 0;
        while (i < want.size() && i < actual.size() && want.get(i).equals(actual.get(i))) {
            i++;
        }
        return "events differ at #" + (i + 1) + ": expected " + (i < want.size() ? want.get(i) : "(end)") + ", got "
                + (i < actual.size() ? actual.get(i) : "(end)") + " (expected " + want.size() + " events, got "
                + actual.size() + ")";
    }

    private static Map<String, Integer> counts(List<String> types) {
        Map<String, Integer> out = new TreeMap<>();
        types.forEach(t -> out.merge(t, 1, Integer::sum));
        return out;
    }

    private static JsonNode parseOrText(String text) {
        if (text == null) {
            return null;
        }
        JsonNode parsed = MaskedComparison.parseOrNull(text);
        return parsed != null ? parsed : TextNode.valueOf(text);
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
