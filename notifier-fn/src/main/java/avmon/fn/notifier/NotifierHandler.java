package avmon.fn.notifier;

import avmon.aws.lambda.AwsClients;
import avmon.aws.lambda.FunctionSettings;
import avmon.aws.lambda.JsonHandler;
import avmon.aws.lambda.error.InvalidEventException;
import avmon.aws.metering.RequestMeter;
import avmon.aws.sns.SnsNotifier;
import avmon.core.notify.Notification;
import avmon.core.notify.Notifier;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The notifier function: publishes a segment's defects, or a stream's failure, to the SNS topic. Event:
 * {@code {streamId, defects: [...]}} or {@code {streamId, failure: {segment, error, cause}}}. Result:
 * {@code {published: n}}.
 */
public final class NotifierHandler extends JsonHandler<NotifyRequest, Map<String, Integer>> {

    private final Notifier notifier;

    /** Lambda's constructor: settings from the process environment. */
    public NotifierHandler() {
        this(System.getenv());
    }

    public NotifierHandler(Map<String, String> env) {
        this(env, null);
    }

    /** @param meter counts the function's SNS requests, or {@code null} */
    public NotifierHandler(Map<String, String> env, RequestMeter meter) {
        super(NotifyRequest.class, "streamId");
        FunctionSettings settings = FunctionSettings.from(env);
        var sns = new AwsClients(settings, meter == null ? List.of() : List.of(meter)).sns();
        this.notifier = new SnsNotifier(sns, settings.requireTopicArn());
    }

    @Override
    protected Map<String, Integer> handle(NotifyRequest event) {
        // The stream id is not checked against the key rules: it becomes no key here, and a stream refused
        // for a bad id must still be named in its failure notification.
        if ((event.defects() == null) == (event.failure() == null)) {
            throw new InvalidEventException("the event needs exactly one of 'defects' and 'failure'");
        }
        if (event.failure() != null) {
            notifier.send(failure(event.streamId(), event.failure()));
            return Map.of("published", 1);
        }
        List<Notification> notifications = event.defects().stream()
                .map(d -> Notification.defect(event.streamId(), d))
                .toList();
        notifier.sendAll(notifications);
        return Map.of("published", notifications.size());
    }

    /** One line a person can read: the short error name, the segment, and the function's own message. */
    static Notification failure(String streamId, NotifyRequest.Failure failure) {
        String error = failure.error() == null || failure.error().isBlank() ? "Unknown" : failure.error();
        String where = failure.segment() == null ? "" : "segment " + failure.segment() + ": ";
        return Notification.streamFailed(streamId, shortName(error), where + readableCause(failure.cause()));
    }

    /** {@code avmon.aws.lambda.error.StreamNotFoundException} becomes {@code StreamNotFoundException}. */
    static String shortName(String error) {
        int dot = error.lastIndexOf('.');
        boolean javaClass = dot > 0 && error.substring(0, dot).chars().allMatch(c -> c == '.' || Character.isLowerCase(c)
                || Character.isDigit(c) || c == '_');
        return javaClass ? error.substring(dot + 1) : error;
    }

    /** A Lambda error document's {@code errorMessage}, or the cause as it came. */
    static String readableCause(String cause) {
        if (cause == null || cause.isBlank()) {
            return "no cause given";
        }
        try {
            JsonNode document = JSON.readTree(cause);
            if (document != null && document.hasNonNull("errorMessage")) {
                return document.get("errorMessage").asText();
            }
        } catch (java.io.IOException notJson) {
            // A States.* error's cause is plain text.
        }
        return cause;
    }
}
