package avmon.cli.compare;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress as a redrawn bar per phase on a terminal (me.tongfei:progressbar), the latest note beside it.
 */
public final class TerminalProgress implements Progress {

    private final PrintStream terminal;
    private ProgressBar bar;

    /** @param terminal the terminal's stream, standard error */
    public TerminalProgress(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void phase(String name, long total, String unit) {
        closeBar();
        bar = new ProgressBarBuilder().setTaskName(String.format("%-10s", name)).setInitialMax(total)
                .setUnit(" " + unit, 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
    }

    @Override
    public synchronized void advanceTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void note(String line) {
        if (bar != null) {
            bar.setExtraMessage(line.length() > 32 ? line.substring(0, 29) + "..." : line);
        } else {
            terminal.println(line);
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
