package avmon.local.sfn.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code arn:aws:states:::lambda:invoke}: calls {@code FunctionName} with {@code Payload} and returns the Lambda
 * service's response envelope (Payload, StatusCode, ExecutedVersion, SdkHttpMetadata, SdkResponseMetadata).
 */
final class LambdaInvokeResource extends ServiceTaskResource {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    LambdaInvokeResource() {
        super("lambda", "invoke");
    }

    @Override
    JsonNode call(StateRun run, JsonNode parameters, Long timeoutSeconds) throws StateError {
        JsonNode name = parameters.get("FunctionName");
        if (name == null || !name.isTextual()) {
            throw StateError.of("States.Runtime", "The field 'FunctionName' is required for resource "
                    + resourceArn() + " and must be a string");
        }
        JsonNode payload = payloadOf(parameters.get("Payload"));
        JsonNode result = callFunction(run, name.textValue(), payload, timeoutSeconds);
        ObjectNode envelope = envelope(run, result);
        if ("Tail".equals(parameters.path("LogType").asText())) {
            envelope.put("LogResult", logTail(envelope.path("SdkResponseMetadata").path("RequestId").asText()));
        }
        return envelope;
    }

    /** A string Payload is sent as the request body as it is, so Lambda reads it as JSON text. */
    private static JsonNode payloadOf(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (payload.isTextual()) {
            try {
                return JSON.readTree(payload.textValue());
            } catch (JsonProcessingException e) {
                return payload;
            }
        }
        return payload;
    }

    /** LogType Tail: the last lines of the invocation's log, base64-encoded, as Lambda returns them. */
    private static String logTail(String requestId) {
        String log = "START RequestId: " + requestId + " Version: $LATEST\nEND RequestId: " + requestId
                + "\nREPORT RequestId: " + requestId + "\n";
        return Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode envelope(StateRun run, JsonNode result) {
        String requestId = UUID.randomUUID().toString();
        String traceId = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String date = HTTP_DATE.format(run.execution().context().clock().now());
        String length = String.valueOf(result.toString().getBytes(StandardCharsets.UTF_8).length);

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("ExecutedVersion", "$LATEST");
        out.set("Payload", result);
        ObjectNode http = out.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        all.putArray("X-Amz-Executed-Version").add("$LATEST");
        all.putArray("x-amzn-Remapped-Content-Length").add("0");
        all.putArray("Connection").add("keep-alive");
        all.putArray("x-amzn-RequestId").add(requestId);
        all.putArray("Content-Length").add(length);
        all.putArray("Date").add(date);
        all.putArray("X-Amzn-Trace-Id").add(traceId);
        all.putArray("Content-Type").add("application/json");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", length);
        headers.put("Content-Type", "application/json");
        headers.put("Date", date);
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        headers.put("X-Amzn-Trace-Id", traceId);
        http.put("HttpStatusCode", 200);
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
        out.put("StatusCode", 200);
        return out;
    }
}
