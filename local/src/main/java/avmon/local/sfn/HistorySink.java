package avmon.local.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives the events of one execution's history as the interpreter produces them, in AWS's order.
 * The sink assigns ids, previous-event ids and timestamps.
 */
public interface HistorySink {

    /**
     * Appends one event.
     *
     * @param type         AWS's event type, e.g. {@code "PassStateEntered"}, {@code "TaskScheduled"}
     * @param detailsField AWS's name of the details member, e.g. {@code "stateEnteredEventDetails"}, or
     *                     {@code null} for an event without details
     * @param details      the details object in AWS's JSON shape, or {@code null}
     * @return the id given to the event (ids start at 1)
     */
    long append(String type, String detailsField, ObjectNode details);
}
