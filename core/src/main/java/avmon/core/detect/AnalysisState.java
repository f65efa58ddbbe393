package avmon.core.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of a set of detectors part way through a stream, keyed by detector name: what the
 * serverless design carries from one segment to the next. {@link #toJson()} and {@link #fromJson} are
 * exact inverses, so analysing on with a restored state gives the same defects as never stopping.
 */
public final class AnalysisState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> states;

    private AnalysisState(Map<String, Object> states) {
        this.states = states;
    }

    /** The state at the start of a stream for each detector. */
    public static AnalysisState initial(List<? extends Detector<?>> detectors) {
        Map<String, Object> states = new LinkedHashMap<>();
        for (Detector<?> detector : detectors) {
            if (states.put(detector.name(), detector.initialState()) != null) {
                throw new IllegalArgumentException("two detectors are named " + detector.name());
            }
        }
        return new AnalysisState(states);
    }

    /**
     * Reads states written by {@link #toJson()} back for the same detectors.
     *
     * @throws IllegalArgumentException when the JSON is malformed or its detectors are not these
     */
    public static AnalysisState fromJson(String json, List<? extends Detector<?>> detectors) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("analysis state is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode object) || object.size() != detectors.size()) {
            throw new IllegalArgumentException("analysis state does not hold one state per detector: " + names(detectors));
        }
        Map<String, Object> states = new LinkedHashMap<>();
        for (Detector<?> detector : detectors) {
            JsonNode node = object.get(detector.name());
            if (node == null) {
                throw new IllegalArgumentException("analysis state has no state for detector " + detector.name());
            }
            try {
                states.put(detector.name(), JSON.treeToValue(node, detector.stateType()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("bad state for detector " + detector.name() + ": "
                        + e.getOriginalMessage(), e);
            }
        }
        return new AnalysisState(states);
    }

    /** All states as one JSON object, detector name to state. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(states);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a detector state cannot be written as JSON", e);
        }
    }

    /** The state of the named detector. */
    public Object get(String detectorName) {
        Object state = states.get(detectorName);
        if (state == null) {
            throw new IllegalArgumentException("no state for detector " + detectorName);
        }
        return state;
    }

    void put(String detectorName, Object state) {
        states.put(detectorName, state);
    }

    /** Detector names, in order. */
    public List<String> detectorNames() {
        return List.copyOf(states.keySet());
    }

    private static List<String> names(List<? extends Detector<?>> detectors) {
        return detectors.stream().map(Detector::name).toList();
    }
}
