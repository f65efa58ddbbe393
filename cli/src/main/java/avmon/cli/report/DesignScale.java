package avmon.cli.report;

import avmon.cli.model.ScaleLimit;
import java.util.List;

/**
 * How far one design scales under the quota book.
 *
 * @param design the design
 * @param limits every quota's limit, the binding one first
 */
public record DesignScale(String design, List<ScaleLimit> limits) {

    public DesignScale {
        limits = List.copyOf(limits);
    }

    /** Concurrent streams the design sustains: the binding limit ({@code Infinity} when none binds). */
    public double ceiling() {
        return limits.isEmpty() ? Double.POSITIVE_INFINITY : limits.get(0).streams();
    }

    /** The quota that binds first, or null when none does. */
    public ScaleLimit binding() {
        return limits.isEmpty() || Double.isInfinite(ceiling()) ? null : limits.get(0);
    }

    /** The ceiling as a share of an expected load. */
    public double fractionOf(int expectedStreams) {
        return ceiling() / expectedStreams;
    }
}
