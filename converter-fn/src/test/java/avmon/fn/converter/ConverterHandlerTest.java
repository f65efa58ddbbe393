package avmon.fn.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.aws.lambda.error.ForbiddenSourceException;
import avmon.aws.lambda.error.InvalidEventException;
import avmon.aws.lambda.error.StreamNotFoundException;
import avmon.aws.lambda.error.UnreadableStreamException;
import avmon.aws.metering.RequestMeter;
import avmon.core.convert.ConvertRequest;
import avmon.local.LocalCloud;
import avmon.local.s3.S3Server;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The converter's refusals, on the local cloud's S3; the successful path runs in the end-to-end tests. */
class ConverterHandlerTest {

    private static LocalCloud cloud;
    private static RequestMeter meter;
    private static ConverterHandler handler;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().s3Bucket("frames").start();
        meter = new RequestMeter();
        handler = new ConverterHandler(Map.of("FRAMES_BUCKET", "frames", "S3_ENDPOINT", cloud.s3Endpoint().toString(),
                "AWS_ACCESS_KEY_ID", cloud.credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", cloud.credentials().secretAccessKey()), meter);
        try (S3Client s3 = S3Client.builder().endpointOverride(cloud.s3Endpoint()).forcePathStyle(true)
                .serviceConfiguration(S3Server.clientConfiguration())
                .region(Region.of(cloud.region())).credentialsProvider(cloud.credentials().provider())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            s3.putObject(b -> b.bucket("frames").key("streams/junk/index.m3u8"),
                    RequestBody.fromString("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg0.ts\n#EXT-X-ENDLIST\n"));
            s3.putObject(b -> b.bucket("frames").key("streams/junk/seg0.ts"),
                    RequestBody.fromBytes("not a transport stream".repeat(100).getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void handle_badStreamIdOrSegment_refusedBeforeAnyRequest() {
        long before = meter.counts().stream().mapToLong(c -> c.calls()).sum();
        assertThrows(InvalidEventException.class,
                () -> handler.handle(new ConvertRequest("../x", "s3://frames/streams/a/index.m3u8", 0, null)));
        assertThrows(InvalidEventException.class,
                () -> handler.handle(new ConvertRequest("a", "s3://frames/streams/a/index.m3u8", -1, null)));
        assertThrows(ForbiddenSourceException.class,
                () -> handler.handle(new ConvertRequest("a", "file:///etc/passwd", 0, null)));
        assertEquals(before, meter.counts().stream().mapToLong(c -> c.calls()).sum(), "no S3 request was made");
    }

    @Test
    void parse_eventWithoutSource_namesTheField() {
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> handler.parse("{\"streamId\":\"a\",\"segment\":0}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("'source'"), e.getMessage());
    }

    @Test
    void handle_missingPlaylistOrSegmentPastTheEnd_streamNotFound() {
        assertThrows(StreamNotFoundException.class,
                () -> handler.handle(new ConvertRequest("a", "s3://frames/streams/none/index.m3u8", 0, null)));
        assertThrows(StreamNotFoundException.class,
                () -> handler.handle(new ConvertRequest("junk", "s3://frames/streams/junk/index.m3u8", 5, null)));
    }

    @Test
    void handle_segmentThatDoesNotDecode_unreadableStream() {
        UnreadableStreamException e = assertThrows(UnreadableStreamException.class,
                () -> handler.handle(new ConvertRequest("junk", "s3://frames/streams/junk/index.m3u8", 0, null)));
        assertTrue(e.getMessage().startsWith("junk: "), () -> "names the stream: " + e.getMessage());
    }
}
