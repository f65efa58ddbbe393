package avmon.cli.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of one stream-hour in one design, by service.
 *
 * @param design         e.g. "serverless, Step Functions Standard"
 * @param components     USD per stream-hour by component ("Step Functions", "Lambda", "S3 requests", ...)
 * @param note           how it was sized (streams per task ...), or empty
 * @param streamsPerHost streams one task or instance holds, 0 for a design billed per request
 * @param hostPerHour    USD per hour of one task or instance (0 for a design billed per request)
 */
public record CostBreakdown(String design, Map<String, Double> components, String note, int streamsPerHost,
                            double hostPerHour) {

    public CostBreakdown {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** A design billed per request: its cost grows with the streams exactly. */
    public CostBreakdown(String design, Map<String, Double> components, String note) {
        this(design, components, note, 0, 0);
    }

    /** USD per stream-hour, all components (hosts full). */
    public double perStreamHour() {
        return components.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * USD per month for {@code streams} streams running all month. A design on hosts pays for whole hosts:
     * {@code ceil(streams / streamsPerHost)} of them, plus its per-request components per stream.
     */
    public double perMonth(int streams, double hoursPerMonth) {
        if (streamsPerHost <= 0) {
            return perStreamHour() * streams * hoursPerMonth;
        }
        double hosts = Math.ceil((double) streams / streamsPerHost);
        double perRequest = perStreamHour() - components.getOrDefault(CostModel.COMPUTE, 0.0);
        return (hosts * hostPerHour + perRequest * streams) * hoursPerMonth;
    }
}
