package avmon.local.lambda;

/**
 * The Lambda service refused or could not run an invocation, as the Invoke API reports it with an
 * error type and an HTTP status (a function's own failure is an {@link InvocationResult} instead).
 */
public class LambdaServiceException extends RuntimeException {

    private final String errorType;
    private final int statusCode;

    public LambdaServiceException(String errorType, int statusCode, String message) {
        super(message);
        this.errorType = errorType;
        this.statusCode = statusCode;
    }

    static LambdaServiceException notFound(String arn) {
        return new LambdaServiceException("ResourceNotFoundException", 404, "Function not found: " + arn);
    }

    /** AWS's error code, e.g. {@code TooManyRequestsException}, {@code ResourceNotFoundException}. */
    public String errorType() {
        return errorType;
    }

    /** The HTTP status the Invoke API answers with. */
    public int statusCode() {
        return statusCode;
    }
}
