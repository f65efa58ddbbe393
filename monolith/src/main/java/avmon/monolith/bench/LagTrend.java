package avmon.monolith.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Whether lag grows over a run: lag sampled over time, the worst of each window of time, and the
 * least-squares slope of those window maxima over the second half of the run. Streams that keep up hold
 * their lag at a level; streams that do not fall a little further behind every second, however small their
 * lag still is when the run ends. The first half is left out: it holds the start-up, where every stream's
 * first pictures come at once. Taking each window's worst makes a lag that rises and falls with every
 * segment (a stream that arrives a segment at a time) one level instead of a sawtooth whose slope depends
 * on where the run cuts it; a window should hold at least one segment.
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
        double half = samples.get(samples.size() - 1)[0] / 2;
        // Each window's worst sample, with the time it was seen.
        TreeMap<Long, double[]> worst = new TreeMap<>();
        for (double[] s : samples) {
            if (s[0] >= half) {
                worst.merge((long) Math.floor((s[0] - half) / windowSeconds), s, (a, b) -> b[1] > a[1] ? b : a);
            }
        }
        if (worst.size() < 2) {
            return 0;
        }
        double meanT = worst.values().stream().mapToDouble(s -> s[0]).average().orElse(0);
        double meanLag = worst.values().stream().mapToDouble(s -> s[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] s : worst.values()) {
            covariance += (s[0] - meanT) * (s[1] - meanLag);
            variance += (s[0] - meanT) * (s[0] - meanT);
        }
        return variance == 0 ? 0 : covariance / variance * 60;
    }
}
