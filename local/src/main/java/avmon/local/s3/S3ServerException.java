package avmon.local.s3;

/** The local S3 could not open its storage, start or stop. */
public class S3ServerException extends RuntimeException {

    public S3ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
