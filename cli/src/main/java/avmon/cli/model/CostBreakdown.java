package avmon.cli.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of one stream-hour in one design, by service.
 *
 * @param design     e.g. "serverless (Step Functions Standard)"
 * @param components USD per stream-hour by component ("Step Functions", "Lambda", "S3 requests", ...)
 * @param note       how it was sized (streams per task ...), or empty
 */
public record CostBreakdown(String design, Map<String, Double> components, String note) {

    public CostBreakdown {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** USD per stream-hour, all components. */
    public double perStreamHour() {
        return components.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** USD per month for {@code streams} streams running all month. */
    public double perMonth(int streams, double hoursPerMonth) {
        return perStreamHour() * streams * hoursPerMonth;
    }
}
