package avmon.local.sfn.asl;

import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.ExecutionOutcome;
import avmon.local.sfn.InvalidDefinitionException;
import avmon.local.sfn.TaskInvoker;
import avmon.local.sfn.conformance.RecordedHistory;
import avmon.local.sfn.conformance.VirtualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/** Runs small definitions on a virtual clock for the engine's tests. */
final class AslTesting {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** One finished execution: its outcome, history and clock. */
    record Run(ExecutionOutcome outcome, RecordedHistory history, VirtualClock clock) {
        JsonNode output() throws Exception {
            return JSON.readTree(outcome.output());
        }

        List<String> types() {
            return history.types();
        }
    }

    private AslTesting() {
    }

    /** Parses {@code definition} (single quotes allowed for readability) and runs it on {@code input}. */
    static Run run(String definition, String input, TaskInvoker tasks) throws Exception {
        return run(definition, input, tasks, new VirtualClock(START));
    }

    /** Runs on a clock the test made (so that its task functions can sleep on it). */
    static Run run(String definition, String input, TaskInvoker tasks, VirtualClock clock) throws Exception {
        RecordedHistory history = new RecordedHistory(clock);
        ExecutionOutcome outcome = parse(definition).run(JSON.readTree(json(input)), context(clock, tasks), history);
        return new Run(outcome, history, clock);
    }

    /** Runs a definition built as a tree. */
    static Run runTree(JsonNode definition, JsonNode input) throws Exception {
        VirtualClock clock = new VirtualClock(START);
        RecordedHistory history = new RecordedHistory(clock);
        ExecutionOutcome outcome = new AslParser().parse(definition.toString()).run(input, context(clock, TaskInvoker.NONE), history);
        return new Run(outcome, history, clock);
    }

    static Run run(String definition, String input) throws Exception {
        return run(definition, input, TaskInvoker.NONE);
    }

    static ExecutionContext context(VirtualClock clock, TaskInvoker tasks) {
        return new ExecutionContext(
                "arn:aws:states:us-east-1:111111111111:execution:machine:run-1", "run-1",
                "arn:aws:states:us-east-1:111111111111:stateMachine:machine", "machine",
                "arn:aws:iam::111111111111:role/role", clock.now(), 0, clock, tasks,
                ExecutionContext.ExecutionStarter.NONE);
    }

    static avmon.local.sfn.StateMachineDefinition parse(String definition) throws InvalidDefinitionException {
        return new AslParser().parse(json(definition));
    }

    /** Single quotes stand for double quotes; a backslash-escaped single quote stays a single quote. */
    static String json(String relaxed) {
        return relaxed.replace("\\'", "\u0001").replace('\'', '"').replace('\u0001', '\'');
    }
}
