package avmon.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Calls a handler the way Lambda's Java runtime does: JSON in, deserialized with Jackson to the
 * handler's declared input type (a Map, a String, a POJO, or plain JSON values when the type is not
 * declared); the result serialized back to JSON. Stream handlers get the bytes unchanged.
 */
final class HandlerAdapter {

    private final Object handler;
    private final ObjectMapper mapper;
    private final JavaType inputType;

    HandlerAdapter(Object handler, ObjectMapper mapper) {
        if (!(handler instanceof RequestHandler<?, ?>) && !(handler instanceof RequestStreamHandler)) {
            throw new IllegalArgumentException((handler == null ? "null" : handler.getClass().getName())
                    + " implements neither RequestHandler nor RequestStreamHandler");
        }
        this.handler = handler;
        this.mapper = mapper;
        this.inputType = handler instanceof RequestHandler<?, ?> ? inputType(handler.getClass(), mapper) : null;
    }

    // A lambda expression or a raw type declares no input type: the event stays plain JSON values.
    private static JavaType inputType(Class<?> handlerClass, ObjectMapper mapper) {
        JavaType[] parameters = mapper.getTypeFactory().findTypeParameters(handlerClass, RequestHandler.class);
        if (parameters == null || parameters.length != 2) {
            return mapper.getTypeFactory().constructType(Object.class);
        }
        return parameters[0];
    }

    byte[] handle(byte[] event, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler streamHandler) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streamHandler.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toByteArray();
        }
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) handler;
        Object input = deserialize(event);
        Object output = requestHandler.handleRequest(input, context);
        return mapper.writeValueAsBytes(output);
    }

    private Object deserialize(byte[] event) {
        try {
            return mapper.readValue(event, inputType);
        } catch (IOException e) {
            // The Java runtime's own wording for an event that does not fit the handler's input type.
            throw new RuntimeException("An error occurred during JSON parsing", e);
        }
    }
}
