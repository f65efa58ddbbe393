package avmon.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesNotifierTest {

    @Test
    void send_defectAndFailure_oneJsonObjectPerLineThatReadsBack() throws Exception {
        StringWriter out = new StringWriter();
        JsonLinesNotifier notifier = new JsonLinesNotifier(out);
        Notification freeze = Notification.defect("s1", new Defect(DefectType.FREEZE, 3.0, 6.2, null, "freeze"));
        Notification failed = Notification.streamFailed("s2", "NOT_FOUND", "no such file: s2.m3u8");

        notifier.sendAll(List.of(freeze, failed));

        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length, "one line per notification");
        assertEquals("{\"kind\":\"DEFECT\",\"streamId\":\"s1\",\"defect\":{\"type\":\"freeze\",\"start\":3.0,"
                + "\"end\":6.2,\"detector\":\"freeze\"}}", lines[0]);
        ObjectMapper json = new ObjectMapper();
        assertEquals(freeze, json.readValue(lines[0], Notification.class));
        assertEquals(failed, json.readValue(lines[1], Notification.class));
    }

    @Test
    void subject_defectAndFailure_namesTypeAndStream() {
        assertEquals("avmon: block_corruption in cam-7", Notification.defect("cam-7",
                new Defect(DefectType.BLOCK_CORRUPTION, 1, 2.0, null, "decoder")).subject());
        assertEquals("avmon: stream cam-7 failed (NOT_MEDIA)",
                Notification.streamFailed("cam-7", "NOT_MEDIA", "not media").subject());
    }

    @Test
    void constructor_defectWithoutDefect_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Notification(Notification.Kind.DEFECT, "s", null, null, null));
    }
}
