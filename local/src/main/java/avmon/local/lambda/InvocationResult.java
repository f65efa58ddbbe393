package avmon.local.lambda;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one synchronous invocation returned, and the figures of its REPORT line.
 *
 * @param requestId       the request id the handler saw in its {@code Context}
 * @param functionName    the function invoked
 * @param payload         the response JSON: the handler's result, or Lambda's error document
 *                        {@code {errorMessage, errorType, stackTrace}} when {@code errorType} is present
 * @param errorType       the error type of a failed invocation ({@code java.lang.IllegalStateException},
 *                        {@code Sandbox.Timedout}, ...), empty on success
 * @param coldStart       whether a new execution environment was started for this invocation
 * @param initDuration    how long the handler's construction took (zero on a warm start)
 * @param duration        how long the handler ran (the timeout when it timed out)
 * @param billedDurationMs duration plus, on a cold start, init, rounded up to the millisecond
 * @param memoryMb        the configured memory
 * @param log             what the function logged through its {@code LambdaLogger} during this invocation
 */
public record InvocationResult(String requestId, String functionName, String payload, Optional<String> errorType,
                               boolean coldStart, Duration initDuration, Duration duration,
                               long billedDurationMs, int memoryMb, List<String> log) {

    public InvocationResult {
        log = List.copyOf(log);
    }

    /** Whether the function failed (Lambda's {@code FunctionError: Unhandled}). */
    public boolean failed() {
        return errorType.isPresent();
    }

    /** GB-seconds as AWS bills them: configured memory in GB times billed seconds. */
    public double gbSeconds() {
        return Billing.gbSeconds(memoryMb, billedDurationMs);
    }
}
