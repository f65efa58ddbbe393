package avmon.local.sns;

/** Receives the notifications of one subscription. */
@FunctionalInterface
public interface Subscriber {

    /**
     * Delivers one notification.
     *
     * @throws Exception when delivery failed; SNS counts and logs it and keeps it in the failed deliveries
     */
    void deliver(Notification notification) throws Exception;
}
