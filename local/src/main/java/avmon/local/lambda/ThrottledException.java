package avmon.local.lambda;

/**
 * An invocation was refused because the function's or the account's concurrency is used up
 * ({@code TooManyRequestsException}, HTTP 429, with Lambda's reason code).
 */
public class ThrottledException extends LambdaServiceException {

    /** The reason when a function with reserved concurrency is at its reservation. */
    public static final String RESERVED_LIMIT = "ReservedFunctionConcurrentInvocationLimitExceeded";
    /** The reason when the account's unreserved pool is used up. */
    public static final String ACCOUNT_LIMIT = "ConcurrentInvocationLimitExceeded";

    private final String reason;

    public ThrottledException(String reason) {
        super("TooManyRequestsException", 429, "Rate Exceeded. (Reason: " + reason + ")");
        this.reason = reason;
    }

    /** {@link #RESERVED_LIMIT} or {@link #ACCOUNT_LIMIT}. */
    public String reason() {
        return reason;
    }
}
