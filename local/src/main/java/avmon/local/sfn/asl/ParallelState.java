package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * Parallel: runs each branch on the same input and outputs the array of their outputs. Branches run one
 * after the other on the execution's thread: the history then has a fixed order, which AWS's concurrent
 * order may differ from (the corpus compares such histories by event counts).
 */
final class ParallelState extends State {

    private final List<StateGraph> branches;
    private final ErrorHandling errorHandling;

    ParallelState(Common common, List<StateGraph> branches, ErrorHandling errorHandling) {
        super(common);
        this.branches = List.copyOf(branches);
        this.errorHandling = errorHandling;
    }

    @Override
    boolean retries() {
        return true;
    }

    @Override
    StateOutput execute(StateRun run) throws StateError, InterruptedException {
        return errorHandling.run(run, () -> {
            JsonNode payload = flow().effectiveInput(run);
            run.execution().event("ParallelStateStarted");
            ArrayNode results = JsonNodeFactory.instance.arrayNode(branches.size());
            for (StateGraph branch : branches) {
                results.add(branch.run(run.execution(), payload, run.variables().child(), true));
            }
            return flow().output(run, results).withNext(next());
        }, (error, caught) -> run.execution().event("ParallelStateFailed"));
    }
}
