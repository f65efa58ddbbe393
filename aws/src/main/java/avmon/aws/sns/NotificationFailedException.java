package avmon.aws.sns;

/** SNS refused some notifications of a batch; the message names how many and why. */
public class NotificationFailedException extends RuntimeException {
    public NotificationFailedException(String message) {
        super(message);
    }
}
