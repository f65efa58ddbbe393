package avmon.fn.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.aws.lambda.error.InvalidEventException;
import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.notify.Notification;
import avmon.local.LocalCloud;
import avmon.local.sns.RecordingSubscriber;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notifier on the local cloud's SNS: defects and failures as the workflow hands them over. */
class NotifierHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalCloud cloud;
    private static NotifierHandler handler;
    private static RecordingSubscriber subscriber;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().sns().start();
        String topic = cloud.sns().createTopic("defects", Map.of()).arn();
        subscriber = new RecordingSubscriber();
        cloud.sns().subscribe(topic, subscriber);
        handler = new NotifierHandler(Map.of("TOPIC_ARN", topic, "SNS_ENDPOINT", cloud.snsEndpoint().toString(),
                "AWS_ACCESS_KEY_ID", cloud.credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", cloud.credentials().secretAccessKey()));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void handle_defectsAndFailure_publishedAsNotifications() throws Exception {
        int before = subscriber.messages().size();
        Defect freeze = new Defect(DefectType.FREEZE, 1.5, 4.5, null, "freeze");
        assertEquals(Map.of("published", 1), handler.handle(new NotifyRequest("cam-1", List.of(freeze), null)));
        String cause = "{\"errorMessage\":\"cam-1: no such object: s3://b/k\",\"errorType\":"
                + "\"avmon.aws.lambda.error.StreamNotFoundException\",\"stackTrace\":[]}";
        handler.handle(new NotifyRequest("cam-1", null, new NotifyRequest.Failure(3L,
                "avmon.aws.lambda.error.StreamNotFoundException", cause)));

        List<String> messages = subscriber.messages().subList(before, subscriber.messages().size());
        assertEquals(Notification.defect("cam-1", freeze), JSON.readValue(messages.get(0), Notification.class));
        assertEquals(Notification.streamFailed("cam-1", "StreamNotFoundException",
                "segment 3: cam-1: no such object: s3://b/k"), JSON.readValue(messages.get(1), Notification.class),
                "short error name, segment and the function's own message");
    }

    @Test
    void handle_neitherOrBoth_invalidEvent() {
        assertThrows(InvalidEventException.class, () -> handler.handle(new NotifyRequest("cam-1", null, null)));
        assertThrows(InvalidEventException.class, () -> handler.handle(new NotifyRequest("cam-1", List.of(),
                new NotifyRequest.Failure(0L, "E", "c"))));
    }

    @Test
    void failure_statesErrorWithPlainCause_keptAsItIs() {
        Notification n = NotifierHandler.failure("s", new NotifyRequest.Failure(null, "States.Timeout", "took too long"));
        assertEquals("States.Timeout", n.error(), "not a Java class name: unchanged");
        assertEquals("took too long", n.message());
    }
}
