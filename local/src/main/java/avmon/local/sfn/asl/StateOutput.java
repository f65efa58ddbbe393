package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a state hands on: its output, the variables it assigned (for the exited event) and the next state's
 * name ({@code null} when the state ends its graph).
 */
record StateOutput(JsonNode output, Map<String, JsonNode> assigned, String next) {

    StateOutput withNext(String nextState) {
        return new StateOutput(output, assigned, nextState);
    }
}
