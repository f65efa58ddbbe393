package avmon.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.aws.lambda.error.InvalidEventException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonHandlerTest {

    record Inner(String name) {
    }

    record Event(String id, long count, Inner inner, List<Integer> values) {
    }

    /** Echoes the event's id and count. */
    static final class EchoHandler extends JsonHandler<Event, String> {
        EchoHandler() {
            super(Event.class, "id", "inner.name");
        }

        @Override
        protected String handle(Event event) {
            return event.id() + ":" + event.count();
        }
    }

    private final EchoHandler handler = new EchoHandler();

    @Test
    void handleRequest_validEvent_writesTheResultAsJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(
                "{\"id\":\"a\",\"count\":3,\"inner\":{\"name\":\"n\"},\"extra\":true}".getBytes(StandardCharsets.UTF_8)),
                out, null);
        assertEquals("\"a:3\"", out.toString(StandardCharsets.UTF_8), "unknown fields are ignored, the result is JSON");
    }

    @Test
    void parse_missingOrNullRequiredField_namesTheField() {
        InvalidEventException missing = assertThrows(InvalidEventException.class,
                () -> handler.parse(bytes("{\"inner\":{\"name\":\"n\"}}")));
        assertTrue(missing.getMessage().contains("'id'"), missing.getMessage());
        InvalidEventException nested = assertThrows(InvalidEventException.class,
                () -> handler.parse(bytes("{\"id\":\"a\",\"inner\":{\"name\":null}}")));
        assertTrue(nested.getMessage().contains("'inner.name'"), nested.getMessage());
    }

    @Test
    void parse_wrongTypes_namesThePath() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> handler.parse(bytes("{\"id\":\"a\",\"inner\":{\"name\":\"n\"},\"values\":[1,\"x\"]}")));
        assertTrue(e.getMessage().contains("'values[1]'"), e.getMessage());
        InvalidEventException nullPrimitive = assertThrows(InvalidEventException.class,
                () -> handler.parse(bytes("{\"id\":\"a\",\"count\":null,\"inner\":{\"name\":\"n\"}}")));
        assertTrue(nullPrimitive.getMessage().contains("'count'"), nullPrimitive.getMessage());
    }

    @Test
    void parse_notAJsonObject_refused() {
        assertThrows(InvalidEventException.class, () -> handler.parse(bytes("{not json")), "not JSON");
        assertThrows(InvalidEventException.class, () -> handler.parse(bytes("[1,2]")), "an array");
        assertThrows(InvalidEventException.class, () -> handler.parse(bytes("")), "nothing");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
