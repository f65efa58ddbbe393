package avmon.local.sfn.asl;

import avmon.local.sfn.asl.intrinsic.IntrinsicCall;
import avmon.local.sfn.asl.jsonata.JsonataExpression;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;

/** Fail: ends the execution (or its branch) with an error and a cause. */
final class FailState extends State {

    /** Where an error or cause text comes from: a constant, a path, an intrinsic call or a JSONata expression. */
    record Text(String constant, String field, ValuePath path, IntrinsicCall call, JsonataExpression expression) {

        static final Text NONE = new Text(null, null, null, null, null);

        String evaluate(StateRun run) throws StateError {
            JsonNode value;
            if (path != null) {
                value = path.readOrNull(run.scopeOn(run.input()));
                if (value == null) {
                    throw StateError.runtime("The JSONPath '" + path.text() + "' specified for the field '" + field
                            + "' could not be found in the input '" + run.input() + "'");
                }
            } else if (call != null) {
                value = call.evaluate(run.scopeOn(run.input()));
            } else if (expression != null) {
                value = expression.evaluate(run.states(null, null), run.variables().visible());
            } else {
                return constant;
            }
            if (!value.isTextual()) {
                throw StateError.runtime("The value of the field '" + field + "' must be a string, but was " + value);
            }
            return value.textValue();
        }
    }

    private final Text error;
    private final Text cause;

    FailState(Common common, Text error, Text cause) {
        super(common);
        this.error = error;
        this.cause = cause;
    }

    @Override
    boolean writesExited() {
        return false;
    }

    @Override
    StateOutput execute(StateRun run) throws StateError {
        String errorText = error.evaluate(run);
        String causeText = cause.evaluate(run);
        throw StateError.of(errorText, causeText);
    }
}
