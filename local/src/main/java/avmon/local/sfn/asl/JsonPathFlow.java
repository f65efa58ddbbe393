package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonpath.PayloadTemplate;
import avmon.local.sfn.asl.jsonpath.ResultPath;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSONPath data flow. A {@code null} path field means the path was given as JSON null (AWS: {} for
 * InputPath and OutputPath, "discard the result" for ResultPath); a missing field means {@code $}.
 */
final class JsonPathFlow extends DataFlow {

    private final boolean inputPathNull;
    private final ValuePath inputPath;
    private final PayloadTemplate parameters;
    private final PayloadTemplate resultSelector;
    private final boolean resultPathNull;
    private final ResultPath resultPath;
    private final boolean outputPathNull;
    private final ValuePath outputPath;
    private final PayloadTemplate assign;

    JsonPathFlow(boolean inputPathNull, ValuePath inputPath, PayloadTemplate parameters,
                 PayloadTemplate resultSelector, boolean resultPathNull, ResultPath resultPath,
                 boolean outputPathNull, ValuePath outputPath, PayloadTemplate assign) {
        this.inputPathNull = inputPathNull;
        this.inputPath = inputPath;
        this.parameters = parameters;
        this.resultSelector = resultSelector;
        this.resultPathNull = resultPathNull;
        this.resultPath = resultPath;
        this.outputPathNull = outputPathNull;
        this.outputPath = outputPath;
        this.assign = assign;
    }

    @Override
    JsonNode selectInput(StateRun run) throws StateError {
        if (inputPathNull) {
            return JsonNodeFactory.instance.objectNode();
        }
        return inputPath == null ? run.input() : inputPath.read(run.scopeOn(run.input()));
    }

    @Override
    JsonNode payload(StateRun run, JsonNode selected) throws StateError {
        return parameters == null ? selected : parameters.evaluate(run.scopeOn(selected));
    }

    @Override
    boolean hasPayload() {
        return parameters != null;
    }

    @Override
    StateOutput output(StateRun run, JsonNode result) throws StateError {
        JsonNode selected = resultSelector == null ? result : resultSelector.evaluate(run.scopeOn(result));
        Map<String, JsonNode> assigned = evaluateAssign(assign, run, selected);
        JsonNode combined;
        if (resultPathNull) {
            combined = run.input();
        } else if (resultPath == null) {
            combined = selected;
        } else {
            combined = resultPath.apply(run.input(), selected);
        }
        JsonNode output;
        if (outputPathNull) {
            output = JsonNodeFactory.instance.objectNode();
        } else {
            output = outputPath == null ? combined : outputPath.read(run.scopeOn(combined));
        }
        // Variables change only once the state is done: its own paths still see the old values.
        run.variables().assign(assigned);
        return new StateOutput(output, assigned, null);
    }

    /** Evaluates Assign over {@code document} without storing anything; returns the new values. */
    static Map<String, JsonNode> evaluateAssign(PayloadTemplate assign, StateRun run, JsonNode document)
            throws StateError {
        if (assign == null) {
            return Map.of();
        }
        JsonNode values = assign.evaluate(run.scopeOn(document));
        Map<String, JsonNode> assigned = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) values).fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            assigned.put(e.getKey(), e.getValue());
        }
        return assigned;
    }

    /** The output of a caught error: the error object placed with the catcher's ResultPath. */
    static JsonNode errorOutput(StateRun run, boolean resultPathNull, ResultPath resultPath, JsonNode errorObject)
            throws StateError {
        if (resultPathNull) {
            return run.input();
        }
        return resultPath == null ? errorObject : resultPath.apply(run.input(), errorObject);
    }
}
