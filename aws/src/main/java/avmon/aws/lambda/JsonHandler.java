package avmon.aws.lambda;

import avmon.aws.lambda.error.InvalidEventException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Lambda handler that reads its event as JSON into {@code I}, calls one service, and writes the
 * {@code O} it returns as JSON. Reading is done here rather than by the runtime so that a bad event becomes
 * an {@link InvalidEventException} naming the field, which the state machine can catch, instead of the
 * runtime's untyped serialisation error.
 *
 * @param <I> the event type
 * @param <O> the result type
 */
public abstract class JsonHandler<I, O> implements RequestStreamHandler {

    /** Lenient about fields it does not know, as Lambda's own serialiser is. */
    protected static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private final Class<I> eventType;
    private final List<String> requiredFields;

    /**
     * @param eventType      what the event is read into
     * @param requiredFields fields that must be present and not null, dotted for nested ones
     *                       ({@code "detector.name"})
     */
    protected JsonHandler(Class<I> eventType, String... requiredFields) {
        this.eventType = eventType;
        this.requiredFields = List.of(requiredFields);
    }

    /** Does the function's work; throws a {@link avmon.aws.lambda.error.FunctionException} on failure. */
    protected abstract O handle(I event);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        O result = handle(parse(input.readAllBytes()));
        output.write(JSON.writeValueAsBytes(result));
    }

    /**
     * Reads an event.
     *
     * @throws InvalidEventException when it is not a JSON object, lacks a required field, or a field does not fit
     */
    public I parse(byte[] event) {
        JsonNode tree;
        try {
            tree = JSON.readTree(event);
        } catch (IOException e) {
            throw new InvalidEventException("the event is not JSON: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("the event must be a JSON object");
        }
        for (String field : requiredFields) {
            if (!present(tree, field)) {
                throw new InvalidEventException("the event has no '" + field + "' field");
            }
        }
        try {
            return JSON.treeToValue(tree, eventType);
        } catch (JsonMappingException e) {
            throw new InvalidEventException("event field '" + path(e) + "' is invalid: " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("the event cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean present(JsonNode tree, String dottedField) {
        JsonNode node = tree;
        for (String part : dottedField.split("\\.")) {
            node = node.get(part);
            if (node == null || node.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(root)" : path.replace(".[", "[");
    }

    /** The innermost message: a record constructor's refusal says more than Jackson's wrapper. */
    private static String rootMessage(JsonMappingException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? e.getOriginalMessage() : t.getMessage();
    }
}
