package avmon.local.lambda;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A function as Lambda's CreateFunction describes it: name, handler, memory, timeout, environment and
 * an optional reserved concurrency. Limits are AWS's: 128 to 10,240 MB, 1 to 900 seconds.
 */
public final class FunctionConfiguration {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MIN_MEMORY_MB = 128;
    static final int MAX_MEMORY_MB = 10_240;
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    private final String name;
    private final HandlerFactory handlerFactory;
    private final int memoryMb;
    private final Duration timeout;
    private final Map<String, String> environment;
    private final Integer reservedConcurrency;

    private FunctionConfiguration(Builder builder) {
        this.name = builder.name;
        this.handlerFactory = builder.handlerFactory;
        this.memoryMb = builder.memoryMb;
        this.timeout = builder.timeout;
        this.environment = Map.copyOf(builder.environment);
        this.reservedConcurrency = builder.reservedConcurrency;
    }

    /** Starts a configuration with Lambda's defaults: 128 MB, 3 seconds, no reserved concurrency. */
    public static Builder builder(String name, HandlerFactory handlerFactory) {
        return new Builder(name, handlerFactory);
    }

    public String name() {
        return name;
    }

    public HandlerFactory handlerFactory() {
        return handlerFactory;
    }

    public int memoryMb() {
        return memoryMb;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The variables the function was configured with (without Lambda's reserved ones). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The concurrency set aside for this function, or empty when it draws on the account's pool. */
    public OptionalInt reservedConcurrency() {
        return reservedConcurrency == null ? OptionalInt.empty() : OptionalInt.of(reservedConcurrency);
    }

    /** Builds a {@link FunctionConfiguration}; every setter checks AWS's limits. */
    public static final class Builder {
        private final String name;
        private final HandlerFactory handlerFactory;
        private int memoryMb = MIN_MEMORY_MB;
        private Duration timeout = Duration.ofSeconds(3);
        private Map<String, String> environment = Map.of();
        private Integer reservedConcurrency;

        private Builder(String name, HandlerFactory handlerFactory) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("function name must be 1 to 64 letters, digits, '-' or '_': "
                        + name);
            }
            this.name = name;
            this.handlerFactory = Objects.requireNonNull(handlerFactory, "handlerFactory");
        }

        public Builder memoryMb(int memoryMb) {
            if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
                throw new IllegalArgumentException("memory must be between " + MIN_MEMORY_MB + " and "
                        + MAX_MEMORY_MB + " MB: " + memoryMb);
            }
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("timeout must be between 1 and 900 seconds: " + timeout);
            }
            if (timeout.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("timeout must be a whole number of seconds: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Sets concurrency aside for this function; 0 stops every invocation, as on AWS. */
        public Builder reservedConcurrency(int reservedConcurrency) {
            if (reservedConcurrency < 0) {
                throw new IllegalArgumentException("reserved concurrency must not be negative: "
                        + reservedConcurrency);
            }
            this.reservedConcurrency = reservedConcurrency;
            return this;
        }

        public FunctionConfiguration build() {
            return new FunctionConfiguration(this);
        }
    }
}
