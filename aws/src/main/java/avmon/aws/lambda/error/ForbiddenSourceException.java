package avmon.aws.lambda.error;

/** A source the source policy does not allow (another bucket, a scheme other than s3 and https, a host off the allow-list or resolving to a local or metadata address); nothing was fetched. */
public class ForbiddenSourceException extends FunctionException {

    public ForbiddenSourceException(String message) {
        super(message, null);
    }

    public ForbiddenSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
