package avmon.core.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes each notification as one line of JSON, flushed at once so a tail -f sees it. Thread-safe. */
public final class JsonLinesNotifier implements Notifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    public JsonLinesNotifier(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void send(Notification notification) {
        try {
            out.write(JSON.writeValueAsString(notification));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write notification for " + notification.streamId(), e);
        }
    }
}
