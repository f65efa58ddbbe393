package avmon.cli.sfn;

import avmon.cli.UserError;
import avmon.local.sfn.DefinitionParser;
import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.HistorySink;
import avmon.local.sfn.InvalidDefinitionException;
import avmon.local.sfn.SfnClock;
import avmon.local.sfn.StateMachineDefinition;
import avmon.local.sfn.TaskInvoker;
import avmon.local.sfn.asl.AslParser;
import avmon.local.sfn.api.ExecutionDescription;
import avmon.local.sfn.api.ExecutionStatus;
import avmon.local.sfn.api.StateMachineType;
import avmon.local.sfn.api.StepFunctionsConfig;
import avmon.local.sfn.api.StepFunctionsService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avmon sfn bench}: the engine's throughput in state transitions per second on one execution
 * thread, for a Pass/Choice loop and for an inline Map, each measured twice: the interpreter alone with a
 * history sink that counts events without keeping them (the baseline), and through the service with the
 * whole history kept (AWS's 25,000-event limit lifted, since both workloads exceed it).
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the local Step Functions engine: transitions per second for a loop of Pass and Choice "
                    + "states and for an inline Map (MaxConcurrency 1), on one execution thread.",
            "For one core, pin the JVM: taskset -c 0 ./avmon sfn bench"})
public final class SfnBenchCommand implements Callable<Integer> {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/avmon-sfn-bench";
    private static final double TARGET_PER_SECOND = 50_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "100000", description = "Loop iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--items", defaultValue = "10000", description = "Map items (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--warmup", defaultValue = "2",
            description = "Unmeasured executions of each run first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Measured executions of each run, summed (default: ${DEFAULT-VALUE}).")
    int rounds;

    private final DefinitionParser parser;

    public SfnBenchCommand() {
        this(new AslParser());
    }

    SfnBenchCommand(DefinitionParser parser) {
        this.parser = parser;
    }

    @Override
    public Integer call() throws Exception {
        if (iterations < 1 || items < 1 || rounds < 1 || warmup < 0) {
            throw new UserError("--iterations, --items and --rounds must be at least 1, --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("local Step Functions throughput: 1 execution thread, Map MaxConcurrency 1, JVM sees %d processor(s);"
                + " %d measured executions per run after %d for warm-up%n", Runtime.getRuntime().availableProcessors(),
                rounds, warmup);
        out.println("CPU s is the whole process's CPU time (GC and JIT included): the figure to read on a busy machine.");
        out.printf("%-48s %12s %8s %12s %8s %12s %11s%n", "run", "transitions", "wall s", "per wall s", "CPU s",
                "per CPU s", "vs 50,000/s");
        Workload loop = new Workload("loop of " + iterations + " x (Choice, Pass with States.MathAdd)", loopDefinition(),
                JSON.objectNode().put("i", 0));
        Workload map = new Workload("inline Map over " + items + " items (one Pass each)", mapDefinition(), mapInput());
        for (Workload workload : new Workload[] {loop, map}) {
            Measurement engine = measure(workload, false);
            Measurement service = measure(workload, true);
            out.println(workload.label);
            print(out, "  interpreter alone (events counted, not kept)", engine);
            print(out, "  service (history kept, limit lifted)", service);
            out.printf("  service / interpreter alone, per CPU s: %.2f%n", service.perCpuSecond() / engine.perCpuSecond());
        }
        out.flush();
        return 0;
    }

    /** Runs the workload {@code warmup} times unmeasured, then {@code rounds} times, and sums those. */
    private Measurement measure(Workload workload, boolean throughService) throws Exception {
        for (int round = 0; round < warmup; round++) {
            run(workload, throughService);
        }
        Measurement total = new Measurement(0, 0, 0);
        for (int round = 0; round < rounds; round++) {
            total = total.plus(run(workload, throughService));
        }
        return total;
    }

    private Measurement run(Workload workload, boolean throughService) throws Exception {
        return throughService ? runOnService(workload) : runAlone(workload);
    }

    /** The interpreter on this thread, with a sink that only counts: the baseline. */
    private Measurement runAlone(Workload workload) throws InvalidDefinitionException, InterruptedException {
        StateMachineDefinition definition = parser.parse(workload.definition);
        ExecutionContext context = new ExecutionContext("arn:aws:states:us-east-1:000000000000:execution:bench:alone",
                "alone", "arn:aws:states:us-east-1:000000000000:stateMachine:bench", "bench", ROLE_ARN, Instant.now(), 0,
                SfnClock.SYSTEM, TaskInvoker.NONE, ExecutionContext.ExecutionStarter.NONE);
        CountingSink sink = new CountingSink();
        Stopwatch stopwatch = Stopwatch.start();
        ExecutionOutcome outcome = definition.run(workload.input, context, sink);
        Measurement measurement = stopwatch.stop(outcome.billedTransitions());
        requireSucceeded(workload, outcome.status(), outcome.error(), outcome.cause());
        return measurement;
    }

    /** The same execution through the service, which keeps the whole history. */
    private Measurement runOnService(Workload workload) throws InterruptedException {
        StepFunctionsConfig config = StepFunctionsConfig.defaults().withExecutionThreads(1)
                .withHistoryEventLimit(StepFunctionsConfig.NO_HISTORY_LIMIT);
        try (StepFunctionsService service = new StepFunctionsService(parser, config)) {
            String machine = service.createStateMachine("bench", workload.definition, ROLE_ARN,
                    StateMachineType.STANDARD).arn();
            Stopwatch stopwatch = Stopwatch.start();
            String execution = service.startExecution(machine, "bench", workload.input.toString()).executionArn();
            ExecutionDescription done = service.awaitExecution(execution, Duration.ofHours(1));
            Measurement measurement = stopwatch.stop(done.billedTransitions());
            requireSucceeded(workload, done.status().name(), done.error(), done.cause());
            return measurement;
        }
    }

    private static void requireSucceeded(Workload workload, String status, String error, String cause) {
        if (!ExecutionStatus.SUCCEEDED.name().equals(status)) {
            throw new UserError("the benchmark's " + workload.label + " ended " + status + ": " + error + " " + cause);
        }
    }

    private static void print(PrintWriter out, String label, Measurement measurement) {
        out.printf("%-48s %,12d %8.3f %,12.0f %8.3f %,12.0f %10.2fx%n", label, measurement.transitions,
                measurement.wallNanos / 1e9, measurement.perWallSecond(), measurement.cpuNanos / 1e9,
                measurement.perCpuSecond(), measurement.perCpuSecond() / TARGET_PER_SECOND);
    }

    /** Check the counter, add one to it, again until it reaches the iteration count. */
    private String loopDefinition() {
        return """
                {"StartAt": "Check", "States": {
                  "Check": {"Type": "Choice",
                    "Choices": [{"Variable": "$.i", "NumericLessThan": %d, "Next": "Increment"}],
                    "Default": "Done"},
                  "Increment": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
                  "Done": {"Type": "Succeed"}}}""".formatted(iterations);
    }

    private static String mapDefinition() {
        return """
                {"StartAt": "Each", "States": {
                  "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Item",
                      "States": {"Item": {"Type": "Pass", "End": true}}},
                    "ResultPath": null, "End": true}}}""";
    }

    private ObjectNode mapInput() {
        ArrayNode list = JSON.arrayNode();
        for (int i = 0; i < items; i++) {
            list.add(i);
        }
        ObjectNode input = JSON.objectNode();
        input.set("items", list);
        return input;
    }

    private record Workload(String label, String definition, JsonNode input) {
    }

    private record Measurement(long transitions, long wallNanos, long cpuNanos) {
        Measurement plus(Measurement other) {
            return new Measurement(transitions + other.transitions, wallNanos + other.wallNanos, cpuNanos + other.cpuNanos);
        }

        double perWallSecond() {
            return transitions / (wallNanos / 1e9);
        }

        double perCpuSecond() {
            return transitions / (Math.max(1, cpuNanos) / 1e9);
        }
    }

    /** A start point for both clocks. */
    private record Stopwatch(long wall, long cpu) {
        static Stopwatch start() {
            return new Stopwatch(System.nanoTime(), processCpuNanos());
        }

        Measurement stop(long transitions) {
            return new Measurement(transitions, System.nanoTime() - wall, processCpuNanos() - cpu);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /** Numbers events and forgets them (thread-safe: a Map may write from its own threads). */
    private static final class CountingSink implements HistorySink {
        private final AtomicLong count = new AtomicLong();

        @Override
        public long append(String type, String detailsField, ObjectNode details) {
            return count.incrementAndGet();
        }
    }
}
