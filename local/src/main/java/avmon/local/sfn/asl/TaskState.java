package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonata.JsonataExpression;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.databind.JsonNode;

/** Task: calls a resource with its effective input, with Retry, Catch and a timeout. */
final class TaskState extends State {

    /** TimeoutSeconds as a number, a path or a JSONata expression (at most one set). */
    record Timeout(Long seconds, ValuePath path, JsonataExpression expression) {

        static final Timeout NONE = new Timeout(null, null, null);

        Long resolve(StateRun run, JsonNode selected) throws StateError {
            if (seconds != null) {
                return seconds;
            }
            JsonNode value;
            if (path != null) {
                value = path.read(run.scopeOn(selected));
            } else if (expression != null) {
                value = expression.evaluate(run.states(null, null), run.variables().visible());
            } else {
                return null;
            }
            if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() <= 0) {
                throw StateError.runtime("The TimeoutSeconds value must be a positive integer, but was " + value);
            }
            return value.longValue();
        }
    }

    private final TaskResource resource;
    private final Timeout timeout;
    private final ErrorHandling errorHandling;

    TaskState(Common common, TaskResource resource, Timeout timeout, ErrorHandling errorHandling) {
        super(common);
        this.resource = resource;
        this.timeout = timeout;
        this.errorHandling = errorHandling;
    }

    @Override
    boolean retries() {
        return true;
    }

    @Override
    StateOutput execute(StateRun run) throws StateError, InterruptedException {
        return errorHandling.run(run, () -> {
            JsonNode selected = flow().selectInput(run);
            JsonNode payload = flow().payload(run, selected);
            Long seconds = timeout.resolve(run, selected);
            JsonNode result = resource.invoke(run, payload, seconds);
            return flow().output(run, result).withNext(next());
        }, (error, caught) -> { });
    }
}
