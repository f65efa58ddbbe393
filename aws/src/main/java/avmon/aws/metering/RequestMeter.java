package avmon.aws.metering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the requests SDK clients make, per service and operation. Add one meter to every client whose
 * requests should count ({@code overrideConfiguration(c -> c.addExecutionInterceptor(meter))}); a meter is
 * thread-safe and can be shared by many clients.
 *
 * <p>The SDK calls {@code beforeExecution} once per API call and {@code beforeTransmission} once per HTTP
 * attempt, so retries show as attempts above calls. An attempt is billable when it got an answer other
 * than a 5xx: that is how S3 bills retried requests.
 */
public final class RequestMeter implements ExecutionInterceptor {

    private final Map<Key, Counters> counters = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        counters(attributes).calls.increment();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counters(attributes).attempts.increment();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.httpResponse().statusCode() < 500) {
            counters(attributes).billable.increment();
        }
    }

    /** The counts so far, sorted by service then operation. */
    public List<RequestCount> counts() {
        List<RequestCount> out = new ArrayList<>();
        counters.forEach((key, c) -> out.add(new RequestCount(key.service, key.operation,
                c.calls.sum(), c.attempts.sum(), c.billable.sum())));
        out.sort(Comparator.comparing(RequestCount::service).thenComparing(RequestCount::operation));
        return out;
    }

    /** The counts of one operation (zeros when it was never called). */
    public RequestCount count(String service, String operation) {
        return counts().stream()
                .filter(c -> c.service().equals(service) && c.operation().equals(operation))
                .findFirst()
                .orElse(new RequestCount(service, operation, 0, 0, 0));
    }

    /** Billable S3 attempts in one pricing tier. */
    public long s3BillableRequests(S3RequestTier tier) {
        return counts().stream()
                .filter(c -> c.service().equals(S3_SERVICE) && c.s3Tier() == tier)
                .mapToLong(RequestCount::billableAttempts)
                .sum();
    }

    /** Forgets everything counted so far. */
    public void reset() {
        counters.clear();
    }

    /** The SDK's service name for S3. */
    public static final String S3_SERVICE = "S3";

    private Counters counters(ExecutionAttributes attributes) {
        Key key = new Key(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        return counters.computeIfAbsent(key, k -> new Counters());
    }

    private record Key(String service, String operation) {
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder attempts = new LongAdder();
        final LongAdder billable = new LongAdder();
    }
}
