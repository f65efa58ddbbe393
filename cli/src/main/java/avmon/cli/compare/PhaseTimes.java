package avmon.cli.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock seconds of each phase of a comparison, in the order they ran, and of the whole run. */
public final class PhaseTimes {

    private final long started = System.nanoTime();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long phaseStart = started;

    /** Ends the phase running since the last call (or the start) and records it as {@code name}. */
    public void lap(String name) {
        long now = System.nanoTime();
        seconds.merge(name, (now - phaseStart) / 1e9, Double::sum);
        phaseStart = now;
    }

    /** Seconds per phase. */
    public Map<String, Double> phases() {
        return Collections.unmodifiableMap(seconds);
    }

    /** Seconds since the run started. */
    public double total() {
        return (System.nanoTime() - started) / 1e9;
    }
}
