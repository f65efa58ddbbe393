package avmon.local.sns;

/**
 * A request the local SNS refuses, with AWS's error code and HTTP status, e.g. {@code NotFound} (404),
 * {@code InvalidParameter} (400), {@code ParameterValueInvalid} (400).
 */
public class SnsException extends RuntimeException {

    private final String code;
    private final int statusCode;

    public SnsException(String code, int statusCode, String message) {
        super(message);
        this.code = code;
        this.statusCode = statusCode;
    }

    static SnsException notFound(String message) {
        return new SnsException("NotFound", 404, message);
    }

    static SnsException invalidParameter(String message) {
        return new SnsException("InvalidParameter", 400, "Invalid parameter: " + message);
    }

    static SnsException invalidValue(String message) {
        return new SnsException("ParameterValueInvalid", 400, message);
    }

    /** AWS's error code, as the SDK maps it to an exception class. */
    public String code() {
        return code;
    }

    public int statusCode() {
        return statusCode;
    }
}
