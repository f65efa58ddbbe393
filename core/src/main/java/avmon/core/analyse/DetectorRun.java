package avmon.core.analyse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A detector and where it is in the stream: what the workflow carries from one segment to the next.
 *
 * @param name  the detector's name ("freeze", "black", ...)
 * @param state its state as JSON, or {@code null} at the start of the stream
 */
public record DetectorRun(String name, JsonNode state) {
}
