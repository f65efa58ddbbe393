package avmon.cli.monitor;

import avmon.cli.UserError;
import avmon.core.notify.JsonLinesNotifier;
import avmon.core.notify.Notifier;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where {@code --notify} sends notifications, as {@code KIND[:ARGUMENT]}: {@code stdout} (the terminal, in
 * the live view) or {@code jsonl:FILE} (one JSON object per line, appended). New kinds ({@code sns:ARN})
 * are one more case in {@link #parse} and {@link #open}.
 *
 * @param kind     what kind of target
 * @param argument the file for {@code jsonl}, else empty
 */
record NotifyTarget(Kind kind, String argument) {

    /** The kinds of target. */
    enum Kind {
        /** Printed with the live view. */
        STDOUT,
        /** A JSON-lines file. */
        JSONL
    }

    static final NotifyTarget STDOUT = new NotifyTarget(Kind.STDOUT, "");

    /**
     * Reads a {@code --notify} value.
     *
     * @throws UserError (usage) for a kind that is unknown or not available yet
     */
    static NotifyTarget parse(String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "stdout" -> STDOUT;
            case "jsonl" -> {
                if (argument.isBlank()) {
                    throw new UserError("--notify jsonl:FILE needs a file", 2);
                }
                yield new NotifyTarget(Kind.JSONL, argument);
            }
            case "sns" -> throw new UserError("--notify sns:ARN is not available in the monitor yet; use stdout or jsonl:FILE", 2);
            default -> throw new UserError("--notify '" + spec + "': expected stdout or jsonl:FILE", 2);
        };
    }

    /**
     * The notifier for this target, or null for {@code stdout} (the live view prints every notification
     * anyway). The returned writer-backed notifier is closed with {@code resources}.
     */
    Notifier open(java.util.List<AutoCloseable> resources) {
        if (kind == Kind.STDOUT) {
            return null;
        }
        try {
            Writer out = Files.newBufferedWriter(Path.of(argument), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            resources.add(out);
            return new JsonLinesNotifier(out);
        } catch (IOException | RuntimeException e) {
            throw new UserError("--notify jsonl:" + argument + ": cannot write: " + e.getMessage());
        }
    }
}
