package avmon.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lambda's JSON description of a failed invocation: {@code {errorMessage, errorType, stackTrace}}, with
 * the Java runtime's fully qualified exception class as the type and the cause chain nested under
 * {@code cause}.
 */
final class ErrorDocument {

    private static final int MAX_CAUSES = 8;

    private ErrorDocument() {
    }

    static ObjectNode of(Throwable error, ObjectMapper mapper) {
        return describe(error, mapper, MAX_CAUSES);
    }

    static ObjectNode of(String errorType, String errorMessage, ObjectMapper mapper) {
        ObjectNode document = mapper.createObjectNode();
        document.put("errorMessage", errorMessage);
        document.put("errorType", errorType);
        return document;
    }

    private static ObjectNode describe(Throwable error, ObjectMapper mapper, int depth) {
        ObjectNode document = mapper.createObjectNode();
        document.put("errorMessage", error.getMessage());
        document.put("errorType", error.getClass().getName());
        ArrayNode stack = document.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            stack.add(frame.toString());
        }
        Throwable cause = error.getCause();
        if (cause != null && cause != error && depth > 0) {
            document.set("cause", describe(cause, mapper, depth - 1));
        }
        return document;
    }
}
