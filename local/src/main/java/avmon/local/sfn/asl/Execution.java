package avmon.local.sfn.asl;

import avmon.local.sfn.ExecutionContext;
import avmon.local.sfn.HistorySink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One running execution: its identity and services, where its history goes, and its billed-transition
 * count. Distributed Map children share the count but write to their own (discarded) history.
 */
final class Execution {

    /** Step Functions' limit on any state's input or output, in UTF-8 bytes. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Counts shared by an execution and its child runs. */
    static final class Counters {
        long transitions;
    }

    private final ExecutionContext context;
    private final HistorySink history;
    private final Counters counters;
    private final ObjectNode executionObject;
    private final ObjectNode stateMachineObject;
    private final String region;
    private final Long timeoutSeconds;
    private final Instant deadline;

    /** @param timeoutSeconds the state machine's TimeoutSeconds, or {@code null} */
    Execution(ExecutionContext context, HistorySink history, JsonNode input, Long timeoutSeconds) {
        this.context = context;
        this.timeoutSeconds = timeoutSeconds;
        this.deadline = timeoutSeconds == null ? null : context.startTime().plusSeconds(timeoutSeconds);
        this.history = history;
        this.counters = new Counters();
        this.executionObject = JsonNodeFactory.instance.objectNode();
        executionObject.put("Id", context.executionArn());
        executionObject.set("Input", input);
        executionObject.put("StartTime", formatTime(context.startTime()));
        executionObject.put("Name", context.executionName());
        executionObject.put("RoleArn", context.roleArn());
        if (!context.executionArn().contains(":express:")) {
            executionObject.put("RedriveCount", context.redriveCount()); // Express executions cannot be redriven
        }
        this.stateMachineObject = JsonNodeFactory.instance.objectNode();
        stateMachineObject.put("Id", context.stateMachineArn());
        stateMachineObject.put("Name", context.stateMachineName());
        this.region = regionOf(context.executionArn());
    }

    private Execution(Execution parent, HistorySink history) {
        this.context = parent.context;
        this.history = history;
        this.counters = parent.counters;
        this.executionObject = parent.executionObject;
        this.stateMachineObject = parent.stateMachineObject;
        this.region = parent.region;
        this.timeoutSeconds = parent.timeoutSeconds;
        this.deadline = parent.deadline;
    }

    /** The same execution writing its events to {@code other}. */
    Execution withHistory(HistorySink other) {
        return new Execution(this, other);
    }

    ExecutionContext context() {
        return context;
    }

    String region() {
        return region;
    }

    long transitions() {
        return counters.transitions;
    }

    void countTransition() {
        counters.transitions++;
    }

    /** Fails the execution as TIMED_OUT when its TimeoutSeconds has run out. */
    void checkDeadline() {
        if (deadline != null && !context.clock().now().isBefore(deadline)) {
            throw new ExecutionTimedOut(timeoutSeconds);
        }
    }

    /** Sleeps on the execution's clock, but not past the execution's deadline. */
    void sleepUntil(Instant until) throws InterruptedException {
        if (deadline != null && until.isAfter(deadline)) {
            context.clock().sleepUntil(deadline);
            checkDeadline();
        }
        context.clock().sleepUntil(until);
    }

    long event(String type, String detailsField, ObjectNode details) {
        return history.append(type, detailsField, details);
    }

    long event(String type) {
        return history.append(type, null, null);
    }

    /** A new context object for a state entered at {@code entered}; RetryCount only for states that retry. */
    ObjectNode contextObject(String stateName, Instant entered, Integer retryCount) {
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.set("Execution", executionObject);
        ObjectNode state = ctx.putObject("State");
        state.put("EnteredTime", formatTime(entered));
        state.put("Name", stateName);
        if (retryCount != null) {
            state.put("RetryCount", retryCount);
        }
        ctx.set("StateMachine", stateMachineObject);
        return ctx;
    }

    static String formatTime(Instant t) {
        return TIME.format(t);
    }

    private static String regionOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "us-east-1";
    }
}
