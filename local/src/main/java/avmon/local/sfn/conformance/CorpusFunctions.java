package avmon.local.sfn.conformance;

import avmon.local.sfn.SfnClock;
import avmon.local.sfn.TaskFailure;
import avmon.local.sfn.TaskInvoker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * The corpus's Lambda functions as small in-process handlers, found by function name or ARN. Each case's
 * {@code lambdas} field says which handler file a function ran on AWS; this class reproduces what each does.
 */
public final class CorpusFunctions implements TaskInvoker {

    /** What one handler does with an event. */
    @FunctionalInterface
    interface Handler {
        JsonNode handle(JsonNode event) throws TaskFailure, InterruptedException;
    }

    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "us-east-1";

    private final SfnClock clock;
    private final Map<String, Handler> byName = new HashMap<>();

    public CorpusFunctions(SfnClock clock) {
        this.clock = clock;
    }

    /**
     * Registers a function.
     *
     * @param handlerFile the handler's file name in the corpus, e.g. {@code id_function.py}
     * @throws IllegalArgumentException for a handler this class does not know
     */
    public CorpusFunctions register(String functionName, String handlerFile) {
        byName.put(functionName, handler(handlerFile));
        return this;
    }

    private Handler handler(String file) {
        return switch (file) {
            case "id_function.py" -> event -> event;
            case "raise_exception.py" -> event -> {
                throw pythonError("Exception", "Some exception was raised.",
                        "raise Exception(\\\"Some exception was raised.\\\")");
            };
            case "raise_custom_exception.py" -> event -> {
                throw pythonError("CustomException", "", "raise CustomException()");
            };
            case "wait_60_seconds.py" -> event -> {
                clock.sleepUntil(clock.now().plusSeconds(60));
                return event;
            };
            case "large_output_string.py" -> event -> JsonNodeFactory.instance.textNode("a".repeat(257 * 1024));
            case "return_bytes_str.py" -> event -> JsonNodeFactory.instance.textNode("HelloWorld!");
            case "echo_function.py" -> event -> JsonNodeFactory.instance.objectNode().put("Return", "HelloWorld");
            case "return_decorated_input.py" -> event ->
                    JsonNodeFactory.instance.textNode("input-event-" + pythonRepr(event));
            default -> throw new IllegalArgumentException("no local handler for the corpus function file " + file);
        };
    }

    @Override
    public JsonNode invoke(String functionArn, JsonNode payload, Duration timeout) throws TaskFailure {
        String name = functionName(functionArn);
        Handler handler = byName.get(name);
        if (handler == null) {
            throw new TaskFailure("Lambda.ResourceNotFoundException", "Function not found: arn:aws:lambda:" + REGION
                    + ":" + ACCOUNT + ":function:" + name + ":$LATEST (Service: AWSLambda; Status Code: 404; "
                    + "Error Code: ResourceNotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
        }
        try {
            return handler.handle(payload);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("Lambda.AbortedException", "the invocation was interrupted");
        }
    }

    /** {@code name}, {@code arn:...:function:name} or {@code arn:...:function:name:qualifier} to {@code name}. */
    static String functionName(String arnOrName) {
        int at = arnOrName.indexOf(":function:");
        if (at < 0) {
            return arnOrName;
        }
        String rest = arnOrName.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    private static TaskFailure pythonError(String type, String message, String raiseLine) {
        String cause = "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\",\"requestId\":\""
                + UUID.randomUUID() + "\",\"stackTrace\":[\"  File \\\"/var/task/handler.py\\\", line 2, in handler\\n    "
                + raiseLine + "\\n\"]}";
        return new TaskFailure(type, cause);
    }

    /** The event as Python's {@code str(dict)} prints it. */
    static String pythonRepr(JsonNode v) {
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) v).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(pythonString(e.getKey())).append(": ").append(pythonRepr(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(pythonRepr(v.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v.isTextual()) {
            return pythonString(v.textValue());
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        if (v.isNull()) {
            return "None";
        }
        return v.toString();
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
