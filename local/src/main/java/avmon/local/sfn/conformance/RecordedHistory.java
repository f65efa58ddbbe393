package avmon.local.sfn.conformance;

import avmon.local.sfn.HistorySink;
import avmon.local.sfn.SfnClock;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** An execution history kept in memory, with ids, previous-event ids and timestamps (epoch milliseconds). */
public final class RecordedHistory implements HistorySink {

    private final SfnClock clock;
    private final List<ObjectNode> events = new ArrayList<>();

    public RecordedHistory(SfnClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized long append(String type, String detailsField, ObjectNode details) {
        long id = events.size() + 1L;
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("timestamp", clock.now().toEpochMilli());
        event.put("type", type);
        event.put("id", id);
        event.put("previousEventId", id - 1);
        if (detailsField != null && details != null) {
            event.set(detailsField, details);
        }
        events.add(event);
        return id;
    }

    /** The events so far, oldest first. */
    public synchronized List<ObjectNode> events() {
        return List.copyOf(events);
    }

    /** The event types so far, oldest first. */
    public synchronized List<String> types() {
        List<String> types = new ArrayList<>(events.size());
        for (ObjectNode e : events) {
            types.add(e.get("type").textValue());
        }
        return types;
    }
}
