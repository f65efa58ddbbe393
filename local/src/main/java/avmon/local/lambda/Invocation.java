package avmon.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One invocation of one function, from taking an execution environment (starting one on a cold start)
 * to the {@link InvocationResult} with its billing figures. The caller's thread waits for the
 * environment's thread and enforces the INIT limit and the function's timeout.
 */
final class Invocation {

    private static final String TIMED_OUT = "Sandbox.Timedout";

    private final RegisteredFunction function;
    private final ObjectMapper mapper;
    private final Duration initLimit;
    private final String requestId = UUID.randomUUID().toString();

    /**
     * @param initLimit how long the handler's construction may take before the invocation fails
     */
    Invocation(RegisteredFunction function, ObjectMapper mapper, Duration initLimit) {
        this.function = function;
        this.mapper = mapper;
        this.initLimit = initLimit;
    }

    /** Runs {@code event} through the function; failures of the function are in the result. */
    InvocationResult run(byte[] event) {
        ExecutionEnvironment environment = function.takeIdle();
        if (environment != null) {
            return call(environment, event, false, Duration.ZERO);
        }
        environment = function.newEnvironment();
        long start = System.nanoTime();
        Optional<InvocationResult> initFailure = initialize(environment);
        if (initFailure.isPresent()) {
            return initFailure.get();
        }
        return call(environment, event, true, Duration.ofNanos(System.nanoTime() - start));
    }

    private Optional<InvocationResult> initialize(ExecutionEnvironment environment) {
        long start = System.nanoTime();
        Future<?> init = environment.initialize(function.configuration().handlerFactory(), function.environment(),
                mapper);
        try {
            init.get(initLimit.toNanos(), TimeUnit.NANOSECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            function.discard(environment);
            String message = "RequestId: " + requestId + " Error: INIT phase timed out after "
                    + seconds(initLimit) + " seconds";
            return Optional.of(failed(TIMED_OUT, ErrorDocument.of(TIMED_OUT, message, mapper).toString(), true,
                    initLimit, Duration.ZERO, List.of(), true));
        } catch (ExecutionException e) {
            // A handler that cannot be constructed leaves no usable environment; the next call starts again.
            function.discard(environment);
            Throwable error = e.getCause();
            return Optional.of(failed(error.getClass().getName(), ErrorDocument.of(error, mapper).toString(), true,
                    Duration.ofNanos(System.nanoTime() - start), Duration.ZERO, List.of(), false));
        } catch (InterruptedException e) {
            throw interrupted(environment, "initializing");
        }
    }

    private InvocationResult call(ExecutionEnvironment environment, byte[] event, boolean cold, Duration init) {
        FunctionConfiguration configuration = function.configuration();
        FunctionLogger logger = new FunctionLogger(function.name(), requestId);
        long start = System.nanoTime();
        long timeout = configuration.timeout().toNanos();
        InvocationContext context = new InvocationContext(requestId, function.name(), function.arn(),
                configuration.memoryMb(), environment.logStreamName(), start + timeout, logger);
        Future<byte[]> call = environment.invoke(event, context);
        try {
            byte[] response = call.get(timeout, TimeUnit.NANOSECONDS);
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            function.returnIdle(environment);
            return response.length > LambdaHost.MAX_PAYLOAD_BYTES
                    ? responseTooLarge(response.length, cold, init, duration, logger.lines())
                    : succeeded(new String(response, StandardCharsets.UTF_8), cold, init, duration, logger.lines());
        } catch (TimeoutException e) {
            // Lambda stops the environment; here its thread is interrupted and abandoned.
            function.discard(environment);
            String message = "RequestId: " + requestId + " Error: Task timed out after "
                    + seconds(configuration.timeout()) + " seconds";
            return failed(TIMED_OUT, ErrorDocument.of(TIMED_OUT, message, mapper).toString(), cold, init,
                    configuration.timeout(), logger.lines(), true);
        } catch (ExecutionException e) {
            // The Java runtime catches what the handler throws: the environment stays usable.
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            function.returnIdle(environment);
            Throwable error = e.getCause();
            return failed(error.getClass().getName(), ErrorDocument.of(error, mapper).toString(), cold, init,
                    duration, logger.lines(), false);
        } catch (InterruptedException e) {
            throw interrupted(environment, "waiting for the function");
        }
    }

    private InvocationResult responseTooLarge(int bytes, boolean cold, Duration init, Duration duration,
                                              List<String> log) {
        String type = "Function.ResponseSizeTooLarge";
        String message = "Response payload size (" + bytes + " bytes) exceeded maximum allowed payload size ("
                + LambdaHost.MAX_PAYLOAD_BYTES + " bytes).";
        return failed(type, ErrorDocument.of(type, message, mapper).toString(), cold, init, duration, log, false);
    }

    private LambdaServiceException interrupted(ExecutionEnvironment environment, String doing) {
        function.discard(environment);
        Thread.currentThread().interrupt();
        return new LambdaServiceException("ServiceException", 500, "interrupted while " + doing);
    }

    private InvocationResult succeeded(String payload, boolean cold, Duration init, Duration duration,
                                       List<String> log) {
        InvocationResult result = new InvocationResult(requestId, function.name(), payload, Optional.empty(), cold,
                init, duration, Billing.billedMillis(init, duration), function.configuration().memoryMb(), log);
        function.record(result, false);
        return result;
    }

    private InvocationResult failed(String errorType, String errorDocument, boolean cold, Duration init,
                                    Duration duration, List<String> log, boolean timedOut) {
        InvocationResult result = new InvocationResult(requestId, function.name(), errorDocument,
                Optional.of(errorType), cold, init, duration, Billing.billedMillis(init, duration),
                function.configuration().memoryMb(), log);
        function.record(result, timedOut);
        return result;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
    }
}
