package avmon.monolith.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether lag grows over a run: lag sampled over time, and the least-squares slope of the samples in the
 * second half of the run. Streams that keep up hold their lag at a level (jitter around it); streams that
 * do not fall a little further behind every second, however small their lag still is when the run ends.
 * The first half is left out: it holds the start-up, where every stream's first pictures come at once.
 */
public final class LagTrend {

    private final List<double[]> samples = new ArrayList<>();

    /** Records the lag (seconds) seen {@code atSeconds} into the run. */
    public void add(double atSeconds, double lagSeconds) {
        samples.add(new double[] {atSeconds, lagSeconds});
    }

    /** How many samples were recorded. */
    public int size() {
        return samples.size();
    }

    /** Lag gained per minute over the second half of the run; 0 with fewer than two samples there. */
    public double growthPerMinute() {
        if (samples.isEmpty()) {
            return 0;
        }
        double half = samples.get(samples.size() - 1)[0] / 2;
        List<double[]> late = samples.stream().filter(s -> s[0] >= half).toList();
        if (late.size() < 2) {
            return 0;
        }
        double meanT = late.stream().mapToDouble(s -> s[0]).average().orElse(0);
        double meanLag = late.stream().mapToDouble(s -> s[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] s : late) {
            covariance += (s[0] - meanT) * (s[1] - meanLag);
            variance += (s[0] - meanT) * (s[0] - meanT);
        }
        return variance == 0 ? 0 : covariance / variance * 60;
    }
}
