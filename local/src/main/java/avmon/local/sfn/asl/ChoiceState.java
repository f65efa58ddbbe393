package avmon.local.sfn.asl;

import avmon.local.sfn.asl.jsonpath.PathScope;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Choice: goes to the first rule's Next whose condition holds, else to Default. */
final class ChoiceState extends State {

    private final List<ChoiceRule> rules;
    private final String defaultNext;

    ChoiceState(Common common, List<ChoiceRule> rules, String defaultNext) {
        super(common);
        this.rules = List.copyOf(rules);
        this.defaultNext = defaultNext;
    }

    @Override
    StateOutput execute(StateRun run) throws StateError {
        JsonNode selected = flow().selectInput(run);
        PathScope scope = run.scopeOn(selected);
        for (ChoiceRule rule : rules) {
            if (rule.condition().test(run, scope)) {
                return take(run, selected, rule);
            }
        }
        if (defaultNext == null) {
            throw StateError.of(StateError.NO_CHOICE_MATCHED, "No Matches!");
        }
        return flow().output(run, selected).withNext(defaultNext);
    }

    private StateOutput take(StateRun run, JsonNode selected, ChoiceRule rule) throws StateError {
        if (language() == QueryLanguage.JSONATA && (rule.output() != null || rule.jsonataAssign() != null)) {
            return JsonataFlow.finish(run, rule.output(), rule.jsonataAssign(), run.input(), run.states(null, null))
                    .withNext(rule.next());
        }
        Map<String, JsonNode> assigned = JsonPathFlow.evaluateAssign(rule.jsonPathAssign(), run, selected);
        StateOutput out = flow().output(run, selected);
        run.variables().assign(assigned);
        if (!assigned.isEmpty()) {
            return new StateOutput(out.output(), assigned, rule.next());
        }
        return out.withNext(rule.next());
    }
}
