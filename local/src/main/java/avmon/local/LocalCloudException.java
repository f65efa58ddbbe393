package avmon.local;

/** A part of the local cloud could not start, or was asked for without being started. */
public class LocalCloudException extends RuntimeException {

    public LocalCloudException(String message, Throwable cause) {
        super(message, cause);
    }
}
