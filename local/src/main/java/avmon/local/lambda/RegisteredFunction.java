package avmon.local.lambda;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A function the host knows: its configuration, its idle execution environments and its totals. */
final class RegisteredFunction {

    private final FunctionConfiguration configuration;
    private final String arn;
    private final Map<String, String> environment;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Deque<ExecutionEnvironment> all = new ArrayDeque<>();
    private final AtomicInteger environments = new AtomicInteger();
    private LambdaMetrics metrics = LambdaMetrics.ZERO;

    RegisteredFunction(FunctionConfiguration configuration, String arn, Map<String, String> reservedVariables) {
        this.configuration = configuration;
        this.arn = arn;
        Map<String, String> variables = new HashMap<>(configuration.environment());
        variables.putAll(reservedVariables);
        this.environment = Map.copyOf(variables);
    }

    FunctionConfiguration configuration() {
        return configuration;
    }

    String name() {
        return configuration.name();
    }

    String arn() {
        return arn;
    }

    /** The configured variables plus Lambda's reserved ones. */
    Map<String, String> environment() {
        return environment;
    }

    /** An idle warm environment, or {@code null} when a new one must be started. */
    synchronized ExecutionEnvironment takeIdle() {
        return idle.pollLast();
    }

    synchronized ExecutionEnvironment newEnvironment() {
        ExecutionEnvironment environment = new ExecutionEnvironment(name(), environments.incrementAndGet());
        all.add(environment);
        return environment;
    }

    synchronized void returnIdle(ExecutionEnvironment environment) {
        idle.addLast(environment);
    }

    synchronized void discard(ExecutionEnvironment environment) {
        environment.abandon();
        idle.remove(environment);
        all.remove(environment);
    }

    synchronized void discardAll() {
        all.forEach(ExecutionEnvironment::abandon);
        all.clear();
        idle.clear();
    }

    synchronized void record(InvocationResult result, boolean timedOut) {
        metrics = metrics.plus(result, timedOut);
    }

    synchronized void recordThrottle() {
        metrics = metrics.plusThrottle();
    }

    synchronized LambdaMetrics metrics() {
        return metrics;
    }
}
