package avmon.local.sfn.api;

import avmon.local.sfn.HistorySink;
import avmon.local.sfn.SfnClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One execution's history in AWS's event shape ({@code timestamp} in epoch seconds, {@code type},
 * {@code id}, {@code previousEventId}, the details member). Events come from the interpreter (possibly
 * from several threads of a Parallel or Map state) and, at the end, from the service.
 *
 * <p>Once the execution is being stopped, the interpreter's own end event is dropped so that the
 * service's ExecutionAborted is the only end; once the history is sealed, late events from a thread that
 * ignored its interruption are dropped.
 */
final class ExecutionHistory implements HistorySink {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper READER = new ObjectMapper();

    private final SfnClock clock;
    private final int limit;
    private final Runnable onLimit;
    /**
     * Compact while the execution runs (details as JSON text: a few objects per event instead of a dozen,
     * which is most of the garbage collector's work on long histories); shaped into AWS's event objects only
     * when read.
     */
    private final List<Event> events = new ArrayList<>();
    private long statesEntered;
    private boolean stopping;
    private boolean limitExceeded;
    private boolean sealed;

    /**
     * @param limit   the most events the history may hold, the service's end event included
     * @param onLimit called once when the interpreter tries to go past the limit
     */
    ExecutionHistory(SfnClock clock, int limit, Runnable onLimit) {
        this.clock = clock;
        this.limit = limit;
        this.onLimit = onLimit;
    }

    @Override
    public synchronized long append(String type, String detailsField, ObjectNode details) {
        if (sealed || limitExceeded || (stopping && isExecutionEnd(type))) {
            return events.size();
        }
        if (events.size() >= limit - 1) {
            limitExceeded = true;
            onLimit.run();
            throw new HistoryLimitExceededException(limit);
        }
        return add(type, detailsField, details);
    }

    /** Appends the service's end event (aborted, or failed for the history limit) and seals the history. */
    synchronized void appendEnd(String type, String detailsField, ObjectNode details) {
        if (!sealed) {
            add(type, detailsField, details);
            sealed = true;
        }
    }

    /** Seals the history after the interpreter wrote its own end event. */
    synchronized void seal() {
        sealed = true;
    }

    /** From now on the interpreter's end event is dropped: the service writes ExecutionAborted instead. */
    synchronized void markStopping() {
        stopping = true;
    }

    synchronized boolean limitExceeded() {
        return limitExceeded;
    }

    int limit() {
        return limit;
    }

    /** How many states the execution entered, the billing floor when the interpreter reports no count. */
    synchronized long statesEntered() {
        return statesEntered;
    }

    synchronized int size() {
        return events.size();
    }

    /** Copies of the events from index {@code from} (inclusive) to {@code to} (exclusive). */
    synchronized List<ObjectNode> copy(int from, int to) {
        List<ObjectNode> copies = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            copies.add(events.get(i).toJson(i + 1L));
        }
        return copies;
    }

    private long add(String type, String detailsField, ObjectNode details) {
        String detailsJson = detailsField == null || details == null ? null : details.toString();
        events.add(new Event(clock.now().toEpochMilli(), type, detailsField, detailsJson));
        if (type.endsWith("StateEntered")) {
            statesEntered++;
        }
        return events.size();
    }

    private static boolean isExecutionEnd(String type) {
        return type.equals("ExecutionSucceeded") || type.equals("ExecutionFailed")
                || type.equals("ExecutionTimedOut") || type.equals("ExecutionAborted");
    }

    /** One event as appended; its id is its position, its previous event the one before it. */
    private record Event(long epochMillis, String type, String detailsField, String detailsJson) {

        ObjectNode toJson(long id) {
            ObjectNode event = JSON.objectNode();
            event.set("timestamp", JSON.numberNode(BigDecimal.valueOf(epochMillis, 3)));
            event.put("type", type);
            event.put("id", id);
            event.put("previousEventId", id - 1);
            if (detailsJson != null) {
                event.set(detailsField, parse(detailsJson));
            }
            return event;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history details written as JSON did not parse back", e);
        }
    }
}
