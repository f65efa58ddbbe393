package avmon.cli.compare;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress as plain lines, for logs, pipes and tests: a line when a phase starts, at every tenth of it, and
 * for every note.
 */
public final class LineProgress implements Progress {

    private final PrintWriter err;
    private String phase;
    private long total;
    private String unit;
    private long lastTenth;
    private long started;

    public LineProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void phase(String name, long total, String unit) {
        this.phase = name;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.lastTenth = 0;
        this.started = System.nanoTime();
        line(String.format(Locale.ROOT, "%s: 0/%d %s", name, total, unit));
    }

    @Override
    public synchronized void advanceTo(long done) {
        long tenth = Math.min(10, done * 10 / total);
        if (phase != null && tenth > lastTenth) {
            lastTenth = tenth;
            line(String.format(Locale.ROOT, "%s: %d/%d %s (%d%%, %.0f s)", phase, done, total, unit, tenth * 10,
                    (System.nanoTime() - started) / 1e9));
        }
    }

    @Override
    public synchronized void note(String line) {
        line(phase == null ? line : phase + ": " + line);
    }

    @Override
    public synchronized void close() {
        err.flush();
    }

    private void line(String text) {
        err.println(text);
        err.flush();
    }
}
