package avmon.monolith.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Whether a stream's lag grows over a run: lag sampled over time, the least of each window of time, and the
 * least-squares slope of those window minima over the second half of the run. A stream that keeps up holds
 * its lag at a level; one that does not falls a little further behind every second, however small its lag
 * still is when the run ends. The first half is left out: it holds the start-up, where every stream's first
 * pictures come at once.
 *
 * <p>The least lag of a window is the lag once the stream has caught up with what had arrived: for a stream
 * that arrives a segment at a time it is the lag of a segment's last picture, which stays put while the
 * stream keeps up and rises with the backlog when it does not. The worst lag of a window is the first
 * picture of a segment waiting for the core behind other streams' segments; it moves by a few tenths of a
 * second from window to window with no trend, enough to make a one-minute slope of maxima read as growth
 * on a core three-quarters idle. A window should hold at least one segment.
 */
public final class LagTrend {

    private final double windowSeconds;
    private final List<double[]> samples = new ArrayList<>();

    /** @param windowSeconds the length of the windows whose worst lag is taken */
    public LagTrend(double windowSeconds) {
        if (windowSeconds <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowSeconds);
        }
        this.windowSeconds = windowSeconds;
    }

    /** Records the lag (seconds) seen {@code atSeconds} into the run. */
    public void add(double atSeconds, double lagSeconds) {
        samples.add(new double[] {atSeconds, lagSeconds});
    }

    /** Lag gained per minute over the second half of the run; 0 with fewer than two windows there. */
    public double growthPerMinute() {
        if (samples.isEmpty()) {
            return 0;
        }
        double end = samples.get(samples.size() - 1)[0];
        double half = end / 2;
        // Each whole window's least sample, with the time it was seen. A window cut short by the end of the run
        // may not reach the moment the stream caught up: its least sample would be too high.
        long windows = (long) Math.floor((end - half) / windowSeconds);
        TreeMap<Long, double[]> least = new TreeMap<>();
        for (double[] s : samples) {
            long window = (long) Math.floor((s[0] - half) / windowSeconds);
            if (s[0] >= half && window < windows) {
                least.merge(window, s, (a, b) -> b[1] < a[1] ? b : a);
            }
        }
        if (least.size() < 2) {
            return 0;
        }
        double meanT = least.values().stream().mapToDouble(s -> s[0]).average().orElse(0);
        double meanLag = least.values().stream().mapToDouble(s -> s[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] s : least.values()) {
            covariance += (s[0] - meanT) * (s[1] - meanLag);
            variance += (s[0] - meanT) * (s[0] - meanT);
        }
        return variance == 0 ? 0 : covariance / variance * 60;
    }
}
