package avmon.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import avmon.core.detect.Defect;
import avmon.core.detect.DefectType;
import avmon.core.notify.Notification;
import avmon.local.LocalCloud;
import avmon.local.sns.RecordingSubscriber;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** SnsNotifier through the real SNS Query API of the local cloud, delivered to a recording subscriber. */
class SnsNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalCloud cloud;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().sns().start();
        sns = SnsClient.builder()
                .endpointOverride(cloud.snsEndpoint())
                .region(Region.of(cloud.region()))
                .credentialsProvider(cloud.credentials().provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        sns.close();
        cloud.close();
    }

    @Test
    void send_defect_deliveredAsJsonWithFilterableAttributes() throws Exception {
        String topic = sns.createTopic(b -> b.name("defects-single")).topicArn();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        cloud.sns().subscribe(topic, subscriber);
        Notification freeze = Notification.defect("cam-1", new Defect(DefectType.FREEZE, 3.0, 6.2, null, "freeze"));

        new SnsNotifier(sns, topic).send(freeze);

        assertEquals(1, subscriber.notifications().size());
        var delivered = subscriber.notifications().get(0);
        assertEquals("avmon: freeze in cam-1", delivered.subject());
        assertEquals(freeze, JSON.readValue(delivered.message(), Notification.class));
        assertEquals("cam-1", delivered.attributes().get("streamId").stringValue());
        assertEquals("freeze", delivered.attributes().get("defectType").stringValue());
    }

    @Test
    void sendAll_twentyThree_threeBatchesEveryOneDeliveredOnce() throws Exception {
        String topic = sns.createTopic(b -> b.name("defects-batch")).topicArn();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        cloud.sns().subscribe(topic, subscriber);
        List<Notification> notifications = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            notifications.add(Notification.defect("s" + i, new Defect(DefectType.SILENCE, i, i + 2.0, null, "silence")));
        }

        new SnsNotifier(sns, topic).sendAll(notifications);

        List<Notification> received = new ArrayList<>();
        for (String m : subscriber.messages()) {
            received.add(JSON.readValue(m, Notification.class));
        }
        assertEquals(notifications, received, "all 23, in order, once each");
    }

    @Test
    void send_missingTopic_notFound() {
        SnsNotifier notifier = new SnsNotifier(sns, "arn:aws:sns:us-east-1:" + cloud.accountId() + ":nope");
        assertThrows(NotFoundException.class,
                () -> notifier.send(Notification.streamFailed("s", "NOT_FOUND", "no such stream")));
    }
}
