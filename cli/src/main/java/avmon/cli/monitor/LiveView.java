package avmon.cli.monitor;

import avmon.core.detect.Defect;
import avmon.core.notify.Notification;
import avmon.monolith.status.StreamStatus;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code avmon monitor} shows while it runs: notifications as they come, and the streams' table.
 *
 * <p>On a terminal the table is redrawn in place (ANSI cursor movement), with new notifications printed
 * above it. Elsewhere (a pipe, a file, a test) it prints plain lines: each notification, and a line per
 * stream whenever its state changes, so a log reads as a history.
 */
final class LiveView {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String HEADER = String.format(Locale.ROOT, "%-20s %-9s %10s %8s %8s %7s  %s",
            "STREAM", "STATE", "POSITION", "LAG", "FRAMES", "CPU", "DEFECTS");

    private final PrintWriter out;
    private final boolean terminal;
    private final List<String> pending = new ArrayList<>();
    private final Map<String, StreamStatus.State> lastStates = new HashMap<>();
    private final int width;
    private int tableLines;

    LiveView(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.width = terminalWidth();
    }

    /** The terminal's width from {@code COLUMNS} where the shell exports it, else a common 120. */
    private static int terminalWidth() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim()));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /** A notification to show; printed at once on plain output, at the next refresh on a terminal. */
    synchronized void notification(Notification n) {
        String line = LocalTime.now().format(CLOCK) + " " + describe(n);
        if (terminal) {
            pending.add(line);
        } else {
            out.println(line);
            out.flush();
        }
    }

    /** Shows the streams as they are now. */
    synchronized void refresh(List<StreamStatus> streams) {
        if (terminal) {
            redraw(streams);
        } else {
            printChanges(streams);
        }
        out.flush();
    }

    private void redraw(List<StreamStatus> streams) {
        if (tableLines > 0) {
            out.print("\033[" + tableLines + "F\033[J");
        }
        pending.forEach(out::println);
        pending.clear();
        List<String> table = table(streams);
        // A line the terminal wraps would take two rows and throw the next redraw off by one: cut it.
        table.forEach(line -> out.println(line.length() < width ? line : line.substring(0, width - 1)));
        tableLines = table.size();
    }

    private void printChanges(List<StreamStatus> streams) {
        for (StreamStatus s : streams) {
            if (lastStates.put(s.streamId(), s.state()) != s.state()) {
                out.println(LocalTime.now().format(CLOCK) + " " + s.streamId() + " " + s.state()
                        + (s.lastError() == null || s.state() == StreamStatus.State.RUNNING ? "" : ": " + s.lastError()));
            }
        }
    }

    /** The table: a header and a row per stream. */
    static List<String> table(List<StreamStatus> streams) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (StreamStatus s : streams) {
            lines.add(String.format(Locale.ROOT, "%-20s %-9s %8.1f s %6.1f s %8d %5.1f s  %s", s.streamId(), s.state(),
                    s.position(), s.lagSeconds(), s.framesAnalysed(), s.cpuSeconds(), defects(s)));
        }
        return lines;
    }

    private static String defects(StreamStatus s) {
        String counts = s.defects().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
        if (s.lastError() != null && (s.state() == StreamStatus.State.FAILED || s.state() == StreamStatus.State.RETRYING)) {
            counts = (counts.isEmpty() ? "" : counts + "  ") + s.lastError();
        }
        return counts;
    }

    private static String describe(Notification n) {
        if (n.kind() == Notification.Kind.STREAM_FAILED) {
            return "FAILED " + n.streamId() + " " + n.error() + ": " + n.message();
        }
        Defect d = n.defect();
        String span = d.end() == null
                ? String.format(Locale.ROOT, "from %.3f s", d.start())
                : String.format(Locale.ROOT, "%.3f-%.3f s", d.start(), d.end());
        String value = d.value() == null ? "" : String.format(Locale.ROOT, " (%+.3f)", d.value());
        return "DEFECT " + n.streamId() + " " + d.type().jsonName() + " " + span + value;
    }
}
