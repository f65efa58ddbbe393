package avmon.local.sns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.LocalCredentials;
import avmon.local.auth.SigV4Verifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;

class SnsServerTest {

    private static final LocalCredentials CREDENTIALS = LocalCredentials.DEFAULT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnsService service;
    private SnsServer server;
    private SnsClient sns;

    @BeforeEach
    void start() {
        service = new SnsService("us-east-1", "000000000000", Clock.systemUTC());
        server = SnsServer.start(service, new SigV4Verifier(CREDENTIALS, Clock.systemUTC()));
        sns = client(CREDENTIALS);
    }

    @AfterEach
    void stop() {
        sns.close();
        server.close();
    }

    private SnsClient client(LocalCredentials credentials) {
        return SnsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials.provider()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private String topic(String name) {
        return sns.createTopic(b -> b.name(name)).topicArn();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    @Test
    void createTopic_sameNameTwice_returnsSameArn() {
        String first = topic("defects");
        String second = topic("defects");

        assertEquals("arn:aws:sns:us-east-1:000000000000:defects", first, "topic ARN");
        assertEquals(first, second, "CreateTopic is idempotent");
        assertEquals(List.of(first), sns.listTopics().topics().stream().map(Topic::topicArn).toList(), "one topic");
    }

    @Test
    void createTopic_badNameOrFifo_throwsInvalidParameter() {
        assertThrows(InvalidParameterException.class, () -> topic("has space"), "a name with a space");
        assertThrows(InvalidParameterException.class, () -> topic("orders.fifo"), "FIFO topics are refused");
    }

    @Test
    void deleteTopic_removesTopicAndItsSubscriptions() {
        String arn = topic("short-lived");
        service.subscribe(arn, new RecordingSubscriber());

        sns.deleteTopic(b -> b.topicArn(arn));

        assertTrue(sns.listTopics().topics().isEmpty(), "no topics left");
        assertTrue(sns.listSubscriptions().subscriptions().isEmpty(), "the topic's subscriptions went with it");
        sns.deleteTopic(b -> b.topicArn(arn));
    }

    @Test
    void publish_toInMemorySubscriber_deliversMessageSubjectAndAttributes() {
        String arn = topic("defects");
        RecordingSubscriber subscriber = new RecordingSubscriber();
        service.subscribe(arn, subscriber);

        String messageId = sns.publish(b -> b.topicArn(arn).subject("freeze").message("{\"type\":\"freeze\"}")
                .messageAttributes(Map.of(
                        "stream", stringAttribute("s-1"),
                        "start", MessageAttributeValue.builder().dataType("Number").stringValue("12.5").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build()))).messageId();

        List<Notification> received = subscriber.notifications();
        assertEquals(1, received.size(), "one delivery");
        Notification notification = received.get(0);
        assertEquals(messageId, notification.messageId(), "message id as Publish returned it");
        assertEquals("freeze", notification.subject(), "subject");
        assertEquals("{\"type\":\"freeze\"}", notification.message(), "message");
        assertEquals("s-1", notification.attributes().get("stream").stringValue(), "String attribute");
        assertEquals("Number", notification.attributes().get("start").dataType(), "Number attribute type");
        assertArrayEquals(new byte[] {1, 2, 3}, notification.attributes().get("blob").binaryValue(), "Binary attribute");
    }

    @Test
    void publish_missingTopic_throwsNotFound() {
        NotFoundException error = assertThrows(NotFoundException.class,
                () -> sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:000000000000:nowhere").message("x")));

        assertEquals(404, error.statusCode(), "status");
        assertEquals("NotFound", error.awsErrorDetails().errorCode(), "error code");
    }

    @Test
    void publish_badMessages_throwTypedErrors() {
        String arn = topic("strict");

        assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.topicArn(arn).message("")),
                "an empty message");
        assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.topicArn(arn).message("x")
                .subject("two\nlines")), "a subject with a line break");
        assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.topicArn(arn)
                .message("x".repeat(TopicMessage.MAX_BYTES + 1))), "a message over 256 KB");
        assertThrows(InvalidParameterValueException.class, () -> sns.publish(b -> b.topicArn(arn).message("x")
                .messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number")
                        .stringValue("twelve").build()))), "a Number attribute that is no number");
        assertThrows(InvalidParameterValueException.class, () -> sns.publish(b -> b.topicArn(arn).message("x")
                .messageAttributes(Map.of("AWS.reserved", stringAttribute("v")))), "a reserved attribute name");
        assertThrows(InvalidParameterValueException.class, () -> sns.publish(b -> b.topicArn(arn).message("x")
                .messageAttributes(Map.of("bad\u0001name", stringAttribute("v")))),
                "a control character in a name, echoed in the error, still gives a readable error");
        assertThrows(InvalidParameterValueException.class, () -> sns.publish(b -> b.topicArn(arn).message("x")
                .messageAttributes(Map.of("t", MessageAttributeValue.builder().dataType("Date")
                        .stringValue("today").build()))), "an unknown data type");
        assertThrows(InvalidParameterException.class, () -> sns.publish(b -> b.topicArn(arn)
                .messageStructure("json").message("{\"http\":\"x\"}")), "a JSON structure without default");
        assertEquals(0, service.metrics().publishCalls(), "nothing refused was counted as a publish");
    }

    @Test
    void publishBatch_validAndInvalidEntries_reportsEachById() {
        String arn = topic("batch");
        RecordingSubscriber subscriber = new RecordingSubscriber();
        service.subscribe(arn, subscriber);

        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(arn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("first").build(),
                PublishBatchRequestEntry.builder().id("b").message("").build(),
                PublishBatchRequestEntry.builder().id("c").message("third").subject("s")
                        .messageAttributes(Map.of("k", stringAttribute("v"))).build()));

        assertEquals(List.of("a", "c"), response.successful().stream().map(s -> s.id()).toList(), "published ids");
        assertEquals(1, response.failed().size(), "one refused entry");
        assertEquals("b", response.failed().get(0).id(), "refused id");
        assertEquals("InvalidParameter", response.failed().get(0).code(), "refusal code");
        assertTrue(response.failed().get(0).senderFault(), "the sender is at fault");
        assertEquals(List.of("first", "third"), subscriber.messages(), "delivered in batch order");
        assertEquals("v", subscriber.notifications().get(1).attributes().get("k").stringValue(),
                "an entry's attributes are delivered");
        assertEquals(response.successful().get(0).messageId(), subscriber.notifications().get(0).messageId(),
                "message ids match");
    }

    @Test
    void publishBatch_badBatches_throwTypedErrors() {
        String arn = topic("batch");
        PublishBatchRequestEntry one = PublishBatchRequestEntry.builder().id("same").message("m").build();
        List<PublishBatchRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> PublishBatchRequestEntry.builder().id("e" + i).message("m").build()).toList();

        assertThrows(EmptyBatchRequestException.class,
                () -> sns.publishBatch(b -> b.topicArn(arn).publishBatchRequestEntries(List.of())), "no entries");
        assertThrows(TooManyEntriesInBatchRequestException.class,
                () -> sns.publishBatch(b -> b.topicArn(arn).publishBatchRequestEntries(eleven)), "eleven entries");
        assertThrows(BatchEntryIdsNotDistinctException.class,
                () -> sns.publishBatch(b -> b.topicArn(arn).publishBatchRequestEntries(one, one)), "duplicate ids");
        assertThrows(InvalidBatchEntryIdException.class, () -> sns.publishBatch(b -> b.topicArn(arn)
                .publishBatchRequestEntries(PublishBatchRequestEntry.builder().id("bad id!").message("m").build())),
                "an id with a space");
        assertThrows(NotFoundException.class, () -> sns.publishBatch(b -> b.topicArn(arn + "-missing")
                .publishBatchRequestEntries(one)), "a missing topic");
    }

    @Test
    void publish_toFileSubscription_appendsNotificationJsonLines(@TempDir Path directory) throws Exception {
        String arn = topic("to-file");
        Path file = directory.resolve("defects.jsonl");
        String subscriptionArn = sns.subscribe(b -> b.topicArn(arn).protocol("file").endpoint(file.toString()))
                .subscriptionArn();

        sns.publish(b -> b.topicArn(arn).subject("one").message("first")
                .messageAttributes(Map.of("stream", stringAttribute("s-9"))));
        sns.publish(b -> b.topicArn(arn).message("second"));

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), "one line per notification");
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("Notification", first.get("Type").asText(), "Type");
        assertEquals(arn, first.get("TopicArn").asText(), "TopicArn");
        assertEquals("one", first.get("Subject").asText(), "Subject");
        assertEquals("first", first.get("Message").asText(), "Message");
        assertEquals("String", first.at("/MessageAttributes/stream/Type").asText(), "attribute type");
        assertEquals("s-9", first.at("/MessageAttributes/stream/Value").asText(), "attribute value");
        assertTrue(first.get("UnsubscribeURL").asText().contains("Action=Unsubscribe"), "UnsubscribeURL");
        assertFalse(JSON.readTree(lines.get(1)).has("Subject"), "no Subject when none was given");
        assertTrue(subscriptionArn.startsWith(arn + ":"), "subscription ARN under the topic");
    }

    @Test
    void subscribe_fileInMissingDirectoryOrRelative_throwsInvalidParameter(@TempDir Path directory) {
        String arn = topic("to-file");

        assertThrows(InvalidParameterException.class, () -> sns.subscribe(b -> b.topicArn(arn).protocol("file")
                .endpoint(directory.resolve("no/such/dir/x.jsonl").toString())), "missing directory");
        assertThrows(InvalidParameterException.class, () -> sns.subscribe(b -> b.topicArn(arn).protocol("file")
                .endpoint("relative.jsonl")), "a relative path");
    }

    @Test
    void publish_toHttpSubscription_postsSnsNotificationJson() throws Exception {
        String arn = topic("to-http");
        try (HttpReceiver receiver = new HttpReceiver(200)) {
            String subscriptionArn = sns.subscribe(b -> b.topicArn(arn).protocol("http")
                    .endpoint(receiver.url("/hook").toString())).subscriptionArn();

            String messageId = sns.publish(b -> b.topicArn(arn).subject("audio").message("silence at 12s")
                    .messageAttributes(Map.of("stream", stringAttribute("s-2")))).messageId();

            assertEquals(1, receiver.received().size(), "one POST");
            HttpReceiver.Received post = receiver.received().get(0);
            assertEquals("Notification", post.header("x-amz-sns-message-type"), "message type header");
            assertEquals(messageId, post.header("x-amz-sns-message-id"), "message id header");
            assertEquals(subscriptionArn, post.header("x-amz-sns-subscription-arn"), "subscription header");
            JsonNode body = JSON.readTree(post.body());
            assertEquals("silence at 12s", body.get("Message").asText(), "Message");
            assertEquals("audio", body.get("Subject").asText(), "Subject");
            assertEquals(messageId, body.get("MessageId").asText(), "MessageId");
            assertEquals("s-2", body.at("/MessageAttributes/stream/Value").asText(), "attribute");
        }
    }

    @Test
    void publish_rawHttpDeliveryAndJsonStructure_sendsProtocolMessageBare() throws Exception {
        String arn = topic("raw");
        RecordingSubscriber memory = new RecordingSubscriber();
        service.subscribe(arn, memory);
        try (HttpReceiver receiver = new HttpReceiver(204)) {
            sns.subscribe(b -> b.topicArn(arn).protocol("http").endpoint(receiver.url("/").toString())
                    .attributes(Map.of("RawMessageDelivery", "true")));

            sns.publish(b -> b.topicArn(arn).messageStructure("json")
                    .message("{\"default\":\"for everyone\",\"http\":\"for http\"}"));

            assertEquals("for http", receiver.received().get(0).body(), "raw delivery posts the http message only");
            assertEquals(List.of("for everyone"), memory.messages(), "other protocols get the default");
        }
    }

    @Test
    void publish_httpEndpointFails_recordsFailedDeliveryAfterRetries() throws Exception {
        String arn = topic("flaky");
        try (HttpReceiver receiver = new HttpReceiver(500)) {
            sns.subscribe(b -> b.topicArn(arn).protocol("http").endpoint(receiver.url("/").toString()));

            String messageId = sns.publish(b -> b.topicArn(arn).message("lost?")).messageId();

            assertEquals(HttpSubscriber.ATTEMPTS, receiver.received().size(), "every attempt reached the endpoint");
            assertEquals(1, service.failedDeliveries().size(), "the failure is kept");
            assertEquals(messageId, service.failedDeliveries().get(0).messageId(), "the failed message");
            assertEquals(1, service.metrics().failedDeliveries(), "failed deliveries are counted");
        }
    }

    @Test
    void subscribe_nonLoopbackOrUnsupported_throwsInvalidParameter() {
        String arn = topic("guarded");

        assertThrows(InvalidParameterException.class, () -> sns.subscribe(b -> b.topicArn(arn).protocol("http")
                .endpoint("http://169.254.169.254/latest/meta-data")), "a metadata address");
        assertThrows(InvalidParameterException.class, () -> sns.subscribe(b -> b.topicArn(arn).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:q")), "an unsupported protocol");
        assertThrows(InvalidParameterException.class, () -> sns.subscribe(b -> b.topicArn(arn).protocol("http")
                .endpoint("ftp://127.0.0.1/")), "a URL of another scheme");
        assertThrows(InvalidParameterException.class, () -> sns.subscribe(b -> b.topicArn(arn).protocol("http")
                .endpoint("http://127.0.0.1/").attributes(Map.of("FilterPolicy", "{}"))), "an unsupported attribute");
        assertThrows(NotFoundException.class, () -> sns.subscribe(b -> b.topicArn(arn + "x").protocol("http")
                .endpoint("http://127.0.0.1/")), "a missing topic");
    }

    @Test
    void listSubscriptionsAndUnsubscribe_tracksSubscriptions() throws Exception {
        String first = topic("first");
        String second = topic("second");
        String a = sns.subscribe(b -> b.topicArn(first).protocol("http").endpoint("http://127.0.0.1:9/a"))
                .subscriptionArn();
        String again = sns.subscribe(b -> b.topicArn(first).protocol("http").endpoint("http://127.0.0.1:9/a"))
                .subscriptionArn();
        sns.subscribe(b -> b.topicArn(second).protocol("http").endpoint("http://localhost:9/b"));

        assertEquals(a, again, "subscribing the same endpoint twice gives the same subscription");
        assertEquals(2, sns.listSubscriptions().subscriptions().size(), "all subscriptions");
        var byTopic = sns.listSubscriptionsByTopic(b -> b.topicArn(first)).subscriptions();
        assertEquals(1, byTopic.size(), "subscriptions of the first topic");
        assertEquals("http://127.0.0.1:9/a", byTopic.get(0).endpoint(), "endpoint");
        assertEquals("000000000000", byTopic.get(0).owner(), "owner");

        sns.unsubscribe(b -> b.subscriptionArn(a));

        assertEquals(1, sns.listSubscriptions().subscriptions().size(), "one left");
        assertThrows(NotFoundException.class, () -> sns.unsubscribe(b -> b.subscriptionArn(a)), "already gone");
    }

    @Test
    void unsubscribeUrl_unsignedGet_endsTheSubscription() throws Exception {
        String arn = topic("leaving");
        RecordingSubscriber subscriber = new RecordingSubscriber();
        service.subscribe(arn, subscriber);
        sns.publish(b -> b.topicArn(arn).message("bye"));
        String url = subscriber.notifications().get(0).unsubscribeUrl();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), "the UnsubscribeURL works without a signature: " + response.body());
        assertTrue(sns.listSubscriptions().subscriptions().isEmpty(), "the subscription ended");
    }

    @Test
    void getAndSetTopicAttributes_roundTrip() {
        String arn = topic("attributed");
        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName("DisplayName").attributeValue("Defects"));

        Map<String, String> attributes = sns.getTopicAttributes(b -> b.topicArn(arn)).attributes();

        assertEquals("Defects", attributes.get("DisplayName"), "DisplayName");
        assertEquals(arn, attributes.get("TopicArn"), "TopicArn");
        assertEquals("000000000000", attributes.get("Owner"), "Owner");
    }

    @Test
    void metrics_countPublishesAndBilled64KbChunks() {
        String arn = topic("metered");
        String seventyKb = "x".repeat(70 * 1024);

        sns.publish(b -> b.topicArn(arn).message("small"));
        sns.publish(b -> b.topicArn(arn).message(seventyKb));
        sns.publishBatch(b -> b.topicArn(arn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("1").message("a").build(),
                PublishBatchRequestEntry.builder().id("2").message("b").build(),
                PublishBatchRequestEntry.builder().id("3").message("c").build()));

        SnsMetrics metrics = service.metrics();
        assertEquals(2, metrics.publishCalls(), "Publish calls");
        assertEquals(1, metrics.publishBatchCalls(), "PublishBatch calls");
        assertEquals(5, metrics.messagesPublished(), "messages");
        assertEquals(1 + 2 + 1, metrics.billedRequests(), "small=1, 70 KB=2 chunks, batch of 3 bytes=1");
    }

    @Test
    void billedRequests_chunkBoundaries() {
        assertEquals(1, SnsMetrics.billedRequests(0), "at least one");
        assertEquals(1, SnsMetrics.billedRequests(65_536), "exactly 64 KB is one chunk");
        assertEquals(2, SnsMetrics.billedRequests(65_537), "one byte more starts a second chunk");
        assertEquals(4, SnsMetrics.billedRequests(262_144), "256 KB is four");
    }

    @Test
    void anyRequest_wrongSecret_isRejectedWithSignatureDoesNotMatch() {
        try (SnsClient impostor = client(new LocalCredentials(CREDENTIALS.accessKeyId(), "wrong"))) {
            SnsException error = assertThrows(SnsException.class, () -> impostor.listTopics(), "a bad signature");

            assertEquals(403, error.statusCode(), "status");
            assertEquals("SignatureDoesNotMatch", error.awsErrorDetails().errorCode(), "code");
        }
    }

    @Test
    void anyRequest_unknownAccessKey_isRejectedWithInvalidClientTokenId() {
        try (SnsClient impostor = client(new LocalCredentials("stranger", CREDENTIALS.secretAccessKey()))) {
            SnsException error = assertThrows(SnsException.class, () -> impostor.listTopics(), "an unknown key");

            assertEquals("InvalidClientTokenId", error.awsErrorDetails().errorCode(), "code");
        }
    }

    /** Posts a form body signed with the SDK's SigV4 signer, for requests the SnsClient would not send. */
    private HttpResponse<String> signedPost(String form) throws Exception {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(server.endpoint())
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey()))
                .request(request).payload(ContentStreamProvider.fromUtf8String(form))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sns")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder post = HttpRequest.newBuilder(server.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString(form));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                post.header(name, values.get(0));
            }
        });
        return HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signedPost_malformedOrUnknown_answersSnsErrors() throws Exception {
        HttpResponse<String> malformed = signedPost("Action=Publish&Message=%zz");
        HttpResponse<String> noAction = signedPost("TopicArn=x");
        HttpResponse<String> unknown = signedPost("Action=CreatePlatformEndpoint");

        assertEquals(400, malformed.statusCode(), "status of a bad percent escape");
        assertTrue(malformed.body().contains("<Code>InvalidParameter</Code>"), malformed.body());
        assertTrue(noAction.body().contains("<Code>MissingAction</Code>"), noAction.body());
        assertTrue(unknown.body().contains("<Code>InvalidAction</Code>"), unknown.body());
        assertEquals(200, signedPost("Action=ListTopics").statusCode(), "the same signing passes for a good request");
    }

    @Test
    void listTopics_badNextToken_throwsInvalidParameter() {
        topic("one");

        assertThrows(InvalidParameterException.class, () -> sns.listTopics(b -> b.nextToken("abc")),
                "a token SNS never gave");
    }

    @Test
    void listTopics_moreThanOnePage_pagesByHundred() {
        for (int i = 0; i < 105; i++) {
            service.createTopic("t" + i, Map.of());
        }

        var firstPage = sns.listTopics();
        var secondPage = sns.listTopics(b -> b.nextToken(firstPage.nextToken()));

        assertEquals(100, firstPage.topics().size(), "a page holds 100 topics");
        assertEquals(5, secondPage.topics().size(), "the rest");
        assertEquals(null, secondPage.nextToken(), "no token after the last page");
        assertEquals(105, sns.listTopicsPaginator().topics().stream().count(), "the SDK's paginator sees all");
    }

    @Test
    void unsignedPost_isRejected() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListTopics")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(403, response.statusCode(), "status");
        assertTrue(response.body().contains("<Code>MissingAuthenticationToken</Code>"), "code: " + response.body());
    }
}
