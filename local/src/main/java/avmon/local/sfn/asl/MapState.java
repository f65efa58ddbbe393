package avmon.local.sfn.asl;

import avmon.local.sfn.HistorySink;
import avmon.local.sfn.asl.jsonata.JsonataExpression;
import avmon.local.sfn.asl.jsonata.JsonataTemplate;
import avmon.local.sfn.asl.jsonpath.PayloadTemplate;
import avmon.local.sfn.asl.jsonpath.ValuePath;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Map: runs its item processor once per item and outputs the array of results. Inline maps write each
 * iteration's events into the execution's history; distributed maps (items inline) run each item as a child
 * run whose events are not in the parent history, as on AWS. Iterations run one after the other.
 */
final class MapState extends State {

    /** Where the items come from and how each becomes an iteration's input. */
    record Items(ValuePath itemsPath, JsonataTemplate itemsTemplate, PayloadTemplate jsonPathSelector, JsonataTemplate jsonataSelector, boolean hasItemReader) {
    }

    /** A number given literally, by path, or by JSONata expression ({@code null} fields when absent). */
    record Setting(String name, JsonNode literal, ValuePath path, JsonataExpression expression) {
    }

    /**
     * ItemBatcher (distributed maps): each child run gets {@code {"BatchInput": ..., "Items": [...]}}.
     *
     * @param maxItems   MaxItemsPerBatch, or {@code null}
     * @param maxBytes   MaxInputBytesPerBatch, or {@code null}
     * @param jsonPathBatchInput BatchInput in a JSONPath state, or {@code null}
     * @param jsonataBatchInput  BatchInput in a JSONata state, or {@code null}
     */
    record Batcher(Setting maxItems, Setting maxBytes, PayloadTemplate jsonPathBatchInput,
                   JsonataTemplate jsonataBatchInput) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Items items;
    private final StateGraph processor;
    private final boolean distributed;
    private final Setting maxConcurrency;
    private final Setting toleratedFailureCount;
    private final Setting toleratedFailurePercentage;
    private final ErrorHandling errorHandling;
    private final Batcher batcher;
    private final boolean writesResults;

    /**
     * @param batcher       the ItemBatcher, or {@code null}
     * @param writesResults whether the definition has a ResultWriter (S3, which this engine does not have)
     */
    MapState(Common common, Items items, StateGraph processor, boolean distributed, Setting maxConcurrency,
             Setting toleratedFailureCount, Setting toleratedFailurePercentage, ErrorHandling errorHandling,
             Batcher batcher, boolean writesResults) {
        super(common);
        this.items = items;
        this.processor = processor;
        this.distributed = distributed;
        this.maxConcurrency = maxConcurrency;
        this.toleratedFailureCount = toleratedFailureCount;
        this.toleratedFailurePercentage = toleratedFailurePercentage;
        this.errorHandling = errorHandling;
        this.batcher = batcher;
        this.writesResults = writesResults;
    }

    @Override
    boolean retries() {
        return true;
    }

    @Override
    StateOutput execute(StateRun run) throws StateError, InterruptedException {
        return errorHandling.run(run, () -> attempt(run), (error, caught) -> {
            if (!StateError.RUNTIME.equals(error.error())) {
                run.execution().event("MapStateFailed");
            }
        });
    }

    private StateOutput attempt(StateRun run) throws StateError, InterruptedException {
        JsonNode selected = flow().selectInput(run);
        readInteger(run, selected, maxConcurrency);
        ArrayNode list = itemsOf(run, selected);
        ObjectNode started = JsonNodeFactory.instance.objectNode();
        started.put("length", list.size());
        run.execution().event("MapStateStarted", "mapStateStartedEventDetails", started);
        long toleratedCount = toleratedCount(run, selected);
        double toleratedPercent = toleratedPercentage(run, selected);
        ArrayNode results = distributed
                ? runDistributed(run, selected, list, toleratedCount, toleratedPercent)
                : runInline(run, selected, list);
        run.execution().event("MapStateSucceeded");
        return flow().output(run, results).withNext(next());
    }

    private ArrayNode runInline(StateRun run, JsonNode selected, ArrayNode list)
            throws StateError, InterruptedException {
        ArrayNode results = JsonNodeFactory.instance.arrayNode(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode input = itemInput(run, selected, i, list.get(i));
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("name", name());
            details.put("index", i);
            run.execution().event("MapIterationStarted", "mapIterationStartedEventDetails", details);
            try {
                results.add(processor.run(run.execution(), input, run.variables().child(), true));
            } catch (StateError e) {
                run.execution().event("MapIterationFailed", "mapIterationFailedEventDetails", details);
                throw e;
            }
            run.execution().event("MapIterationSucceeded", "mapIterationSucceededEventDetails", details);
        }
        return results;
    }

    private ArrayNode runDistributed(StateRun run, JsonNode selected, ArrayNode list, long toleratedCount,
                                     double toleratedPercent) throws StateError, InterruptedException {
        ObjectNode runStarted = JsonNodeFactory.instance.objectNode();
        runStarted.put("mapRunArn", mapRunArn(run));
        run.execution().event("MapRunStarted", "mapRunStartedEventDetails", runStarted);
        if (writesResults) {
            throw StateError.of(StateError.RESULT_WRITER_FAILED,
                    "The local Step Functions engine has no S3 to write Map results to (ResultWriter)");
        }
        Execution child = run.execution().withHistory(DISCARD);
        List<JsonNode> inputs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            inputs.add(itemInput(run, selected, i, list.get(i)));
        }
        if (batcher != null) {
            inputs = batches(run, selected, inputs);
        }
        ArrayNode results = JsonNodeFactory.instance.arrayNode(inputs.size());
        int failures = 0;
        StateError lastFailure = null;
        for (JsonNode input : inputs) {
            try {
                results.add(processor.run(child, input, run.variables().child(), true));
            } catch (StateError e) {
                failures++;
                lastFailure = e;
                results.add(Catcher.errorObject(e));
            }
        }
        if (exceedsTolerance(failures, inputs.size(), toleratedCount, toleratedPercent)) {
            ObjectNode runFailed = JsonNodeFactory.instance.objectNode();
            runFailed.put("error", StateError.EXCEED_TOLERATED_FAILURE_THRESHOLD);
            runFailed.put("cause", "The specified tolerated failure threshold was exceeded");
            run.execution().event("MapRunFailed", "mapRunFailedEventDetails", runFailed);
            throw StateError.of(StateError.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The specified tolerated failure threshold was exceeded (last failure: "
                            + lastFailure.error() + ")");
        }
        run.execution().event("MapRunSucceeded");
        return results;
    }

    /** Groups child inputs by MaxItemsPerBatch and MaxInputBytesPerBatch, each with the BatchInput. */
    private List<JsonNode> batches(StateRun run, JsonNode selected, List<JsonNode> inputs) throws StateError {
        Long maxItems = readInteger(run, selected, batcher.maxItems());
        Long maxBytes = readInteger(run, selected, batcher.maxBytes());
        JsonNode batchInput = null;
        if (batcher.jsonPathBatchInput() != null) {
            batchInput = batcher.jsonPathBatchInput().evaluate(run.scopeOn(selected));
        } else if (batcher.jsonataBatchInput() != null) {
            batchInput = batcher.jsonataBatchInput().evaluate(run.states(null, null), run.variables().visible());
        }
        List<JsonNode> batches = new ArrayList<>();
        ArrayNode items = null;
        long bytes = 0;
        for (JsonNode input : inputs) {
            long size = input.toString().getBytes(StandardCharsets.UTF_8).length;
            boolean full = items != null && ((maxItems != null && items.size() >= maxItems)
                    || (maxBytes != null && bytes + size > maxBytes));
            if (items == null || full) {
                ObjectNode batch = JsonNodeFactory.instance.objectNode();
                if (batchInput != null) {
                    batch.set("BatchInput", batchInput);
                }
                items = batch.putArray("Items");
                bytes = 0;
                batches.add(batch);
            }
            items.add(input);
            bytes += size;
        }
        return batches;
    }

    /** A negative threshold is one not given; with none given, any failure fails the map run. */
    private static boolean exceedsTolerance(int failures, int total, long toleratedCount, double toleratedPercent) {
        if (failures == 0) {
            return false;
        }
        if (toleratedCount < 0 && toleratedPercent < 0) {
            return true;
        }
        return (toleratedCount >= 0 && failures > toleratedCount)
                || (toleratedPercent >= 0 && 100.0 * failures / total > toleratedPercent);
    }

    private static final HistorySink DISCARD = (type, field, details) -> 0;

    private static String mapRunArn(StateRun run) {
        String executionArn = run.execution().context().executionArn();
        String base = executionArn.replace(":execution:", ":mapRun:");
        return base + "/" + run.state().name() + ":" + java.util.UUID.randomUUID();
    }

    private ArrayNode itemsOf(StateRun run, JsonNode selected) throws StateError {
        if (items.hasItemReader()) {
            throw StateError.of(StateError.ITEM_READER_FAILED,
                    "The local Step Functions engine reads Map items only from the state input, not through an ItemReader");
        }
        JsonNode value;
        if (items.itemsTemplate() != null) {
            value = items.itemsTemplate().evaluate(run.states(null, null), run.variables().visible());
            JsonataExpression expression = items.itemsTemplate().asExpression();
            if (!value.isArray() && expression != null) {
                throw expression.unexpectedType("array", value);
            }
        } else if (items.itemsPath() != null) {
            value = items.itemsPath().read(run.scopeOn(selected));
        } else {
            value = selected;
        }
        if (!value.isArray()) {
            String message = "Map state input must be an array but was: " + value;
            throw language() == QueryLanguage.JSONATA ? StateError.queryEvaluation(message) : StateError.runtime(message);
        }
        return (ArrayNode) value;
    }

    private JsonNode itemInput(StateRun run, JsonNode selected, int index, JsonNode item) throws StateError {
        if (items.jsonPathSelector() != null) {
            return items.jsonPathSelector().evaluate(run.scopeOn(selected, run.contextWithItem(index, item)));
        }
        if (items.jsonataSelector() != null) {
            ObjectNode states = run.states(run.contextWithItem(index, item), null, null);
            return items.jsonataSelector().evaluate(states, run.variables().visible());
        }
        return item;
    }

    private JsonNode setting(StateRun run, JsonNode selected, Setting s) throws StateError {
        if (s == null) {
            return null;
        }
        if (s.literal() != null) {
            return s.literal();
        }
        if (s.path() != null) {
            return s.path().read(run.scopeOn(selected));
        }
        return s.expression().evaluate(run.states(null, null), run.variables().visible());
    }

    private Long readInteger(StateRun run, JsonNode selected, Setting s) throws StateError {
        JsonNode value = numeric(setting(run, selected, s));
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw StateError.runtime("The " + s.name() + "Path field refers to value \"" + display(value)
                    + "\" which is not a valid integer: " + s.path());
        }
        return value.longValue();
    }

    private long toleratedCount(StateRun run, JsonNode selected) throws StateError {
        Long count = readInteger(run, selected, toleratedFailureCount);
        if (count == null) {
            return -1;
        }
        if (count < 0) {
            throw StateError.runtime("ToleratedFailureCount cannot be negative.");
        }
        return count;
    }

    private double toleratedPercentage(StateRun run, JsonNode selected) throws StateError {
        JsonNode value = numeric(setting(run, selected, toleratedFailurePercentage));
        if (value == null) {
            return -1;
        }
        if (!value.isNumber()) {
            throw StateError.runtime("The ToleratedFailurePercentagePath field refers to value \"" + display(value)
                    + "\" which is not a valid float: " + toleratedFailurePercentage.path());
        }
        double p = value.doubleValue();
        if (p < 0 || p > 100) {
            throw StateError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
        }
        return p;
    }

    /** A number written as a string ("1") counts as that number, as AWS reads these fields. */
    private static JsonNode numeric(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return value;
        }
        try {
            JsonNode parsed = JSON.readTree(value.textValue());
            return parsed != null && parsed.isNumber() ? parsed : value;
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private static String display(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
