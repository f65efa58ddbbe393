package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonata.JsonataTemplate;
import avmon.local.sfn.asl.jsonpath.PayloadTemplate;
import avmon.local.sfn.asl.jsonpath.ResultPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One Catch rule: which errors, where to go, and how the error output is built (ResultPath in JSONPath,
 * Output in JSONata; Assign in both).
 */
final class Catcher {

    private final ErrorMatcher matcher;
    private final String next;
    private final QueryLanguage language;
    private final boolean resultPathNull;
    private final ResultPath resultPath;
    private final PayloadTemplate jsonPathAssign;
    private final JsonataTemplate output;
    private final JsonataTemplate jsonataAssign;

    Catcher(ErrorMatcher matcher, String next, QueryLanguage language, boolean resultPathNull, ResultPath resultPath,
            PayloadTemplate jsonPathAssign, JsonataTemplate output, JsonataTemplate jsonataAssign) {
        this.matcher = matcher;
        this.next = next;
        this.language = language;
        this.resultPathNull = resultPathNull;
        this.resultPath = resultPath;
        this.jsonPathAssign = jsonPathAssign;
        this.output = output;
        this.jsonataAssign = jsonataAssign;
    }

    ErrorMatcher matcher() {
        return matcher;
    }

    String next() {
        return next;
    }

    /** The state's output when this catcher handles {@code error}. */
    StateOutput handle(StateRun run, StateError error) throws StateError {
        ObjectNode errorOutput = errorObject(error);
        if (language == QueryLanguage.JSONATA) {
            return JsonataFlow.finish(run, output, jsonataAssign, errorOutput, run.states(null, errorOutput))
                    .withNext(next);
        }
        Map<String, JsonNode> assigned = JsonPathFlow.evaluateAssign(jsonPathAssign, run, errorOutput);
        JsonNode out = JsonPathFlow.errorOutput(run, resultPathNull, resultPath, errorOutput);
        run.variables().assign(assigned);
        return new StateOutput(out, assigned, next);
    }

    static ObjectNode errorObject(StateError error) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("Error", error.error());
        if (error.cause() != null) {
            o.put("Cause", error.cause());
        }
        return o;
    }
}
