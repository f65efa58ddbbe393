package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** Pass: hands its input (or its Result, or its Parameters) on. */
final class PassState extends State {

    private final JsonNode result;

    /** @param result the Result field (JSONPath only), or {@code null} */
    PassState(Common common, JsonNode result) {
        super(common);
        this.result = result;
    }

    @Override
    StateOutput execute(StateRun run) throws StateError {
        JsonNode value;
        if (language() == QueryLanguage.JSONATA) {
            value = run.input();
        } else {
            JsonNode selected = flow().selectInput(run);
            value = result != null ? result : flow().payload(run, selected);
        }
        return flow().output(run, value).withNext(next());
    }
}
