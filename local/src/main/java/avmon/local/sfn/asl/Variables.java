package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables of one scope. Map iterations and Parallel branches get a child scope: they read the
 * outer variables, and what they assign stays inside.
 */
final class Variables {

    private final Variables parent;
    private final Map<String, JsonNode> values = new HashMap<>();

    Variables(Variables parent) {
        this.parent = parent;
    }

    JsonNode get(String name) {
        for (Variables v = this; v != null; v = v.parent) {
            JsonNode value = v.values.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    void assign(Map<String, JsonNode> assignments) {
        values.putAll(assignments);
    }

    /** Every variable visible here, inner scopes hiding outer ones. */
    Map<String, JsonNode> visible() {
        if (parent == null) {
            return values;
        }
        Map<String, JsonNode> all = new LinkedHashMap<>(parent.visible());
        all.putAll(values);
        return all;
    }

    Variables child() {
        return new Variables(this);
    }
}
