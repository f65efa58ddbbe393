package avmon.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a state's input becomes its effective input and its result becomes its output, in the state's query
 * language: InputPath/Parameters/ResultSelector/ResultPath/OutputPath for JSONPath, Arguments/Output for
 * JSONata; both evaluate Assign.
 */
abstract class DataFlow {

    /** The input after InputPath (JSONPath); the raw input for JSONata. */
    abstract JsonNode selectInput(StateRun run) throws StateError;

    /** The payload the state works on: Parameters (JSONPath) or Arguments (JSONata) over {@code selected}. */
    abstract JsonNode payload(StateRun run, JsonNode selected) throws StateError;

    /** True when the state has Parameters/Arguments. */
    abstract boolean hasPayload();

    /**
     * Turns the state's result into its output and evaluates Assign.
     *
     * @param result the raw result of the state's work (for JSONata, also the default output)
     */
    abstract StateOutput output(StateRun run, JsonNode result) throws StateError;

    /** The effective input: {@link #selectInput} then {@link #payload}. */
    final JsonNode effectiveInput(StateRun run) throws StateError {
        return payload(run, selectInput(run));
    }
}
