package avmon.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.detect.CommandRun;
import avmon.local.LocalCloud;
import avmon.local.s3.S3Server;
import avmon.local.sns.RecordingSubscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code avmon monitor} with the local cloud: a playlist stored in S3 as a source, an SNS topic as the
 * notification target. The command finds credentials and region the way it does on AWS, through the default
 * chain (here its system properties), and the local endpoints through {@code --s3-endpoint}/{@code --sns-endpoint}.
 */
class MonitorCommandCloudTest {

    private static final String BUCKET = "streams";
    private static final Map<String, String> CHAIN = Map.of("aws.accessKeyId", "avmonlocal",
            "aws.secretAccessKey", "avmonlocalsecret", "aws.region", LocalCloud.REGION);

    @TempDir
    static Path dir;
    static Path clip;
    static LocalCloud cloud;

    /** A 6 s clip, black from 2 to 5 s: as a file, and as an HLS rendition in s3://streams/news/. */
    @BeforeAll
    static void start() throws Exception {
        CHAIN.forEach(System::setProperty);
        clip = Clips.withBlack(dir.resolve("news.ts"), 6, 2, 5);
        Path hls = Files.createDirectories(dir.resolve("hls"));
        Clips.hlsWithBlack(hls, 6, 2, 5, 2);
        cloud = LocalCloud.builder().s3Bucket(BUCKET).sns().start();
        try (S3Client s3 = S3Client.builder().endpointOverride(cloud.s3Endpoint()).forcePathStyle(true)
                .serviceConfiguration(S3Server.clientConfiguration())
                .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider())
                .httpClient(UrlConnectionHttpClient.create()).build();
             Stream<Path> files = Files.list(hls)) {
            for (Path file : files.toList()) {
                s3.putObject(b -> b.bucket(BUCKET).key("news/" + file.getFileName()), RequestBody.fromFile(file));
            }
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
        CHAIN.keySet().forEach(System::clearProperty);
    }

    private static CommandRun monitorS3(String... args) {
        String[] all = Stream.concat(Stream.of("monitor", "--s3-endpoint", cloud.s3Endpoint().toString()),
                Stream.of(args)).toArray(String[]::new);
        return CommandRun.of(all);
    }

    @Test
    void monitor_s3Playlist_readsItFromS3AndReportsTheDefect() {
        CommandRun run = monitorS3("s3://streams/news/index.m3u8");

        assertEquals(0, run.exitCode(), () -> "exit code: " + run);
        assertTrue(run.out().contains("DEFECT news black 2.000-5.000 s"), () -> "black found in the S3 playlist: " + run);
        assertTrue(run.out().matches("(?s).*news\\s+ENDED.*"), () -> "ended with the playlist: " + run);
    }

    @Test
    void monitor_s3MissingKey_oneLineErrorBeforeAnythingStarts() {
        CommandRun run = monitorS3("s3://streams/news/nope.m3u8", clip.toString());

        assertEquals(1, run.exitCode(), () -> "an input that cannot be read: " + run);
        assertEquals(List.of("avmon: no such object: s3://streams/news/nope.m3u8 (S3 at " + cloud.s3Endpoint() + ")"),
                run.errLines(), "one line naming the object and where it was looked for");
        assertFalse(run.out().contains("avmon monitor:"), () -> "nothing started: " + run);
    }

    @Test
    void monitor_s3MissingBucket_oneLineErrorNamingTheBucket() {
        CommandRun run = monitorS3("s3://no-such-bucket/news/index.m3u8");

        assertEquals(1, run.exitCode(), () -> "exit code: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("no such bucket: no-such-bucket"), () -> "names the bucket: " + run);
    }

    @Test
    void monitor_s3EndpointNotListening_oneLineErrorNamingTheEndpoint() {
        CommandRun run = CommandRun.of("monitor", "--s3-endpoint", "http://127.0.0.1:1", "s3://streams/news/index.m3u8");

        assertEquals(1, run.exitCode(), () -> "exit code: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("cannot read s3://streams/news/index.m3u8")
                && run.err().contains("(S3 at http://127.0.0.1:1)"), () -> "says what and where: " + run);
    }

    @Test
    void monitor_s3ObjectNotAPlaylist_oneLineError() {
        CommandRun run = monitorS3("s3://streams/news/seg000.ts");

        assertEquals(1, run.exitCode(), () -> "exit code: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("is not an HLS playlist"), () -> "says why: " + run);
    }

    @Test
    void monitor_notifySns_subscriberReceivesTheDefect() {
        String topic = cloud.sns().createTopic("monitor-defects", Map.of()).arn();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        cloud.sns().subscribe(topic, subscriber);

        CommandRun run = CommandRun.of("monitor", "--notify", "sns:" + topic,
                "--sns-endpoint", cloud.snsEndpoint().toString(), clip.toString());

        assertEquals(0, run.exitCode(), () -> "exit code: " + run);
        List<String> messages = subscriber.messages();
        long shown = run.out().lines().filter(l -> l.contains("DEFECT news ")).count();
        assertEquals(shown, messages.size(), () -> "every defect shown was published, once: " + messages + "\n" + run);
        assertTrue(messages.stream().anyMatch(m -> m.contains("\"streamId\":\"news\"") && m.contains("\"type\":\"black\"")),
                () -> "the black defect of news, as JSON: " + messages);
    }

    @Test
    void monitor_notifySnsTopicDoesNotExist_oneLineErrorBeforeAnythingStarts() {
        String missing = "arn:aws:sns:" + cloud.region() + ":" + cloud.accountId() + ":no-such-topic";

        CommandRun run = CommandRun.of("monitor", "--notify", "sns:" + missing,
                "--sns-endpoint", cloud.snsEndpoint().toString(), clip.toString());

        assertEquals(1, run.exitCode(), () -> "exit code: " + run);
        assertEquals(List.of("avmon: --notify sns:" + missing + " (SNS at " + cloud.snsEndpoint() + "): no such topic"),
                run.errLines(), "one line naming the topic");
        assertFalse(run.out().contains("avmon monitor:"), () -> "nothing started: " + run);
    }

    @Test
    void monitor_notifySnsEndpointNotListening_oneLineError() {
        CommandRun run = CommandRun.of("monitor", "--notify", "sns:arn:aws:sns:us-east-1:000000000000:defects",
                "--sns-endpoint", "http://127.0.0.1:1", clip.toString());

        assertEquals(1, run.exitCode(), () -> "exit code: " + run);
        assertEquals(1, run.errLines().size(), () -> "one line: " + run);
        assertTrue(run.err().contains("cannot reach SNS"), () -> "says why: " + run);
    }
}
