package avmon.local.lambda;

import avmon.local.LocalCredentials;
import avmon.local.sfn.TaskFailure;
import avmon.local.sfn.TaskInvoker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code RequestHandler} classes in this JVM as Lambda runs them: one handler instance per
 * execution environment (a cold start constructs it and records the time as init duration), idle
 * environments reused, a timeout per function, concurrency limits per function and per account, and
 * duration billed per millisecond. It is also the Step Functions engine's {@link TaskInvoker}.
 */
public final class LambdaHost implements TaskInvoker, AutoCloseable {

    /** AWS's default account concurrency in a region. */
    public static final int DEFAULT_ACCOUNT_CONCURRENCY = 1000;
    /** Lambda's limit on the INIT phase of an on-demand function. */
    public static final Duration INIT_LIMIT = Duration.ofSeconds(10);
    /** Lambda's limit on a synchronous request and response. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private final String region;
    private final LocalCredentials roleCredentials;
    private final String accountId;
    private final ObjectMapper mapper;
    private final ConcurrencyLimiter limiter;
    private final Map<String, RegisteredFunction> functions = new ConcurrentHashMap<>();
    private final ExecutorService waitingCallers;
    private final Duration initLimit;
    private volatile boolean closed;

    /**
     * @param region             the region in function ARNs
     * @param accountId          the account in function ARNs
     * @param accountConcurrency how many invocations may run at once across all functions
     */
    public LambdaHost(String region, String accountId, int accountConcurrency) {
        this(region, accountId, accountConcurrency, null);
    }

    /**
     * A host whose functions find {@code roleCredentials} in {@code AWS_ACCESS_KEY_ID} and
     * {@code AWS_SECRET_ACCESS_KEY} of their environment, where Lambda puts the execution role's keys.
     *
     * @param roleCredentials the key pair functions sign their AWS calls with, or {@code null} for none
     */
    public LambdaHost(String region, String accountId, int accountConcurrency, LocalCredentials roleCredentials) {
        this(region, accountId, accountConcurrency, roleCredentials, INIT_LIMIT);
    }

    // Tests shorten the INIT limit so that a hanging constructor can be tried in milliseconds.
    LambdaHost(String region, String accountId, int accountConcurrency, LocalCredentials roleCredentials,
               Duration initLimit) {
        this.initLimit = initLimit;
        this.roleCredentials = roleCredentials;
        this.region = region;
        this.accountId = accountId;
        this.limiter = new ConcurrencyLimiter(accountConcurrency);
        // Lambda's Java runtime ignores event fields the input type does not have.
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.waitingCallers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lambda-caller");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Registers a function (Lambda's CreateFunction).
     *
     * @return the function's ARN
     * @throws LambdaServiceException {@code ResourceConflictException} when the name is taken,
     *                                {@code InvalidParameterValueException} for a reserved variable name or a
     *                                reservation larger than the account's unreserved concurrency
     */
    public String register(FunctionConfiguration configuration) {
        String name = configuration.name();
        for (String variable : configuration.environment().keySet()) {
            if (RESERVED_VARIABLES.contains(variable)) {
                throw new LambdaServiceException("InvalidParameterValueException", 400,
                        "Lambda was unable to configure your environment variables because they contain the"
                                + " reserved key " + variable);
            }
        }
        String arn = FunctionArn.of(region, accountId, name);
        RegisteredFunction function = new RegisteredFunction(configuration, arn, reservedVariables(configuration));
        synchronized (functions) {
            if (functions.containsKey(name)) {
                throw new LambdaServiceException("ResourceConflictException", 409, "Function already exist: " + name);
            }
            configuration.reservedConcurrency().ifPresent(concurrency -> limiter.reserve(name, concurrency));
            functions.put(name, function);
        }
        return arn;
    }

    private Map<String, String> reservedVariables(FunctionConfiguration configuration) {
        Map<String, String> variables = new HashMap<>(Map.of("AWS_REGION", region, "AWS_DEFAULT_REGION", region,
                "AWS_LAMBDA_FUNCTION_NAME", configuration.name(),
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(configuration.memoryMb()),
                "AWS_LAMBDA_FUNCTION_VERSION", InvocationContext.VERSION,
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + configuration.name()));
        if (roleCredentials != null) {
            variables.put("AWS_ACCESS_KEY_ID", roleCredentials.accessKeyId());
            variables.put("AWS_SECRET_ACCESS_KEY", roleCredentials.secretAccessKey());
        }
        return variables;
    }

    /** The ARN of a registered function. */
    public String functionArn(String name) {
        return lookup(name).arn();
    }

    /** The names of the registered functions. */
    public Set<String> functionNames() {
        return Set.copyOf(functions.keySet());
    }

    /**
     * Invokes a function synchronously (Lambda's Invoke with {@code RequestResponse}). A function that
     * throws or times out gives a failed {@link InvocationResult}; the service's own refusals are exceptions.
     *
     * @param function a name, {@code NAME:$LATEST}, or an ARN
     * @param event    the event as JSON text; blank means {@code {}}
     * @throws ThrottledException     when no concurrency is left for the function
     * @throws LambdaServiceException {@code ResourceNotFoundException}, {@code InvalidRequestContentException},
     *                                {@code RequestTooLargeException}
     */
    public InvocationResult invoke(String function, String event) {
        if (closed) {
            throw new LambdaServiceException("ServiceException", 500, "the Lambda host is closed");
        }
        RegisteredFunction target = lookup(function);
        byte[] bytes = validEvent(event);
        try {
            limiter.acquire(target.name());
        } catch (ThrottledException e) {
            target.recordThrottle();
            throw e;
        }
        try {
            return new Invocation(target, mapper, initLimit).run(bytes);
        } catch (RejectedExecutionException e) {
            // close() stopped the environment's thread between the check above and the call.
            throw new LambdaServiceException("ServiceException", 500, "the Lambda host is closed");
        } finally {
            limiter.release(target.name());
        }
    }

    private RegisteredFunction lookup(String reference) {
        FunctionArn arn = FunctionArn.parse(reference);
        boolean elsewhere = (arn.region() != null && !arn.region().equals(region))
                || (arn.account() != null && !arn.account().equals(accountId));
        boolean unknownQualifier = arn.qualifier() != null && !InvocationContext.VERSION.equals(arn.qualifier());
        RegisteredFunction function = functions.get(arn.name());
        if (function == null || elsewhere || unknownQualifier) {
            throw LambdaServiceException.notFound(reference);
        }
        return function;
    }

    private byte[] validEvent(String event) {
        String json = event == null || event.isBlank() ? "{}" : event;
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            throw new LambdaServiceException("RequestTooLargeException", 413,
                    "Request must be smaller than " + MAX_PAYLOAD_BYTES + " bytes for the Invoke operation");
        }
        try {
            mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new LambdaServiceException("InvalidRequestContentException", 400,
                    "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory event", e);
        }
        return bytes;
    }

    /**
     * Invokes a function for a Step Functions Task state. A function error becomes a {@link TaskFailure}
     * with the error type as its name and Lambda's error document as its cause; a refusal by the service
     * becomes {@code Lambda.<ErrorType>}; a caller that stops waiting gets {@code States.Timeout} while the
     * invocation runs on to its end.
     */
    @Override
    public JsonNode invoke(String functionArn, JsonNode payload, Duration timeout) throws TaskFailure {
        String event = payload == null ? "{}" : payload.toString();
        InvocationResult result;
        try {
            result = timeout == null ? invoke(functionArn, event) : invokeWithin(functionArn, event, timeout);
        } catch (LambdaServiceException e) {
            throw new TaskFailure("Lambda." + e.errorType(), e.getMessage() + " (Service: Lambda, Status Code: "
                    + e.statusCode() + ")");
        }
        if (result.failed()) {
            throw new TaskFailure(result.errorType().get(), result.payload());
        }
        try {
            return mapper.readTree(result.payload());
        } catch (JsonProcessingException e) {
            // A stream handler may write anything; Step Functions rejects a result that is not JSON.
            throw new TaskFailure("States.Runtime", "the function's result is not JSON: " + e.getOriginalMessage());
        }
    }

    private InvocationResult invokeWithin(String functionArn, String event, Duration timeout) throws TaskFailure {
        Future<InvocationResult> invocation = waitingCallers.submit(() -> invoke(functionArn, event));
        try {
            return invocation.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TaskFailure("States.Timeout", "the function " + functionArn + " did not answer within "
                    + Invocation.seconds(timeout) + " seconds");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LambdaServiceException serviceError) {
                throw serviceError;
            }
            throw new LambdaServiceException("ServiceException", 500, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailure("States.Runtime", "interrupted while waiting for " + functionArn);
        }
    }

    /** Totals for one function. */
    public LambdaMetrics metrics(String function) {
        return lookup(function).metrics();
    }

    /** Totals over every function. */
    public LambdaMetrics metrics() {
        return functions.values().stream().map(RegisteredFunction::metrics)
                .reduce(LambdaMetrics.ZERO, LambdaMetrics::plus);
    }

    /** Stops every execution environment; later invocations are refused. */
    @Override
    public void close() {
        closed = true;
        functions.values().forEach(RegisteredFunction::discardAll);
        waitingCallers.shutdownNow();
    }
}
