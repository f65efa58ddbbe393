package avmon.core.notify;

import avmon.core.detect.Defect;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What avmon tells the outside world: a defect found in a stream, or a stream that could not be analysed.
 *
 * @param kind     which of the two
 * @param streamId the stream
 * @param defect   the defect, for {@link Kind#DEFECT}
 * @param error    a short error name, for {@link Kind#STREAM_FAILED} (e.g. {@code "NOT_FOUND"})
 * @param message  one line saying what went wrong, for {@link Kind#STREAM_FAILED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(Kind kind, String streamId, Defect defect, String error, String message) {

    /** What a notification reports. */
    public enum Kind {
        DEFECT, STREAM_FAILED
    }

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(streamId, "streamId");
        if (kind == Kind.DEFECT && defect == null) {
            throw new IllegalArgumentException("a defect notification needs a defect");
        }
        if (kind == Kind.STREAM_FAILED && (error == null || message == null)) {
            throw new IllegalArgumentException("a failure notification needs an error and a message");
        }
    }

    public static Notification defect(String streamId, Defect defect) {
        return new Notification(Kind.DEFECT, streamId, defect, null, null);
    }

    public static Notification streamFailed(String streamId, String error, String message) {
        return new Notification(Kind.STREAM_FAILED, streamId, null, error, message);
    }

    /** A subject line for channels that have one (SNS, e-mail): at most 100 characters. */
    public String subject() {
        String s = kind == Kind.DEFECT
                ? "avmon: " + defect.type().jsonName() + " in " + streamId
                : "avmon: stream " + streamId + " failed (" + error + ")";
        return s.length() <= 100 ? s : s.substring(0, 100);
    }
}
