package avmon.local.sns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends each notification's JSON document to a file, one line per notification. */
public final class JsonLinesFileSubscriber implements Subscriber {

    private final Path file;

    public JsonLinesFileSubscriber(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public void deliver(Notification notification) throws IOException {
        String line = notification.toJson().toString() + "\n";
        // One writer per file may be shared by several subscriptions: lines must not interleave.
        synchronized (JsonLinesFileSubscriber.class) {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
    }
}
