package avmon.aws.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.aws.metering.RequestMeter;
import avmon.aws.metering.S3RequestTier;
import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import avmon.core.source.SourceException;
import avmon.core.store.MissingObjectException;
import avmon.core.store.SegmentKey;
import avmon.core.store.SegmentManifest;
import avmon.local.LocalCredentials;
import avmon.local.s3.S3Server;
import avmon.local.s3.S3Storage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapters against S3Proxy in the same JVM: the real S3 wire protocol, signatures checked. */
class S3FrameStoreTest {

    private static S3Server server;
    private static final RequestMeter METER = new RequestMeter();
    private static S3Client s3;

    @BeforeAll
    static void start() {
        server = S3Server.start(S3Storage.inMemory(), LocalCredentials.DEFAULT);
        server.createBucket("frames");
        s3 = S3Client.builder()
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .serviceConfiguration(S3Server.clientConfiguration())
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalCredentials.DEFAULT.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(METER))
                .build();
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @BeforeEach
    void resetMeter() {
        METER.reset();
    }

    @Test
    void putSegment_tenFramesAndAudio_elevenPutsThenElevenGets() {
        S3FrameStore store = new S3FrameStore(s3, "frames");
        List<AnalysisFrame> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(frame(100 + i, 4.0 + i * 0.04));
        }
        AudioBuffer audio = new AudioBuffer(4.0, 48000, 2, new float[] {0.5f, -0.5f, 0.25f, 0f});

        SegmentManifest manifest = store.putSegment(new SegmentKey("s3-test", 2), frames, audio);
        assertEquals(11, METER.s3BillableRequests(S3RequestTier.TIER_1), "one PUT per frame and one for the audio");

        List<AnalysisFrame> back = store.frames(manifest);
        AudioBuffer audioBack = store.audio(manifest);
        assertEquals(11, METER.s3BillableRequests(S3RequestTier.TIER_2), "one GET per frame and one for the audio");
        assertEquals(10, back.size());
        assertEquals(4.36, back.get(9).time(), 1e-9);
        assertArrayEquals(audio.samples(), audioBack.samples());
        assertTrue(s3.listObjectsV2(b -> b.bucket("frames").prefix("frames/s3-test/000002/")).keyCount() == 11,
                "all objects under the segment's prefix");
    }

    @Test
    void frames_objectMissing_missingObjectNamesS3Uri() {
        S3FrameStore store = new S3FrameStore(s3, "frames");
        SegmentManifest manifest = store.putSegment(new SegmentKey("gone", 0), List.of(frame(0, 0)), null);
        s3.deleteObject(b -> b.bucket("frames").key(manifest.frames().get(0).key()));

        MissingObjectException e = assertThrows(MissingObjectException.class, () -> store.frames(manifest));
        assertEquals("s3://frames/frames/gone/000000/00000000.png", e.key());
    }

    @Test
    void fetch_playlistInBucket_bytesOrNotFound() throws Exception {
        s3.putObject(b -> b.bucket("frames").key("streams/a/index.m3u8"), RequestBody.fromString("#EXTM3U\n"));
        S3SourceFetcher fetcher = new S3SourceFetcher(s3);

        assertEquals("#EXTM3U\n", new String(fetcher.fetch(URI.create("s3://frames/streams/a/index.m3u8")),
                StandardCharsets.UTF_8));
        SourceException e = assertThrows(SourceException.class,
                () -> fetcher.fetch(URI.create("s3://frames/streams/a/missing.ts")));
        assertEquals(SourceException.Reason.NOT_FOUND, e.reason());
    }

    @Test
    void sourceFetcher_missingBucket_notFoundNamingTheBucket() {
        SourceException e = assertThrows(SourceException.class,
                () -> new S3SourceFetcher(s3).fetch(URI.create("s3://no-such-bucket/live/index.m3u8")));

        assertEquals(SourceException.Reason.NOT_FOUND, e.reason(), "a bucket that does not exist is not found");
        assertEquals("no such bucket: no-such-bucket (s3://no-such-bucket/live/index.m3u8)", e.getMessage(), "message");
    }

    @Test
    void sourceFetcher_wrongCredentials_failedWithTheServiceReasonOnOneLine() {
        try (S3Client stranger = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true)
                .serviceConfiguration(S3Server.clientConfiguration())
                .region(Region.US_EAST_1)
                .credentialsProvider(new LocalCredentials("stranger", "wrongsecret1").provider())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            SourceException e = assertThrows(SourceException.class,
                    () -> new S3SourceFetcher(stranger).fetch(URI.create("s3://frames/streams/a/index.m3u8")));

            assertEquals(SourceException.Reason.FAILED, e.reason(), "refused, not missing");
            assertTrue(e.getMessage().contains("(HTTP 403)") && !e.getMessage().contains("Request ID"),
                    () -> "the service's reason without request ids: " + e.getMessage());
        }
    }

    private static AnalysisFrame frame(long index, double time) {
        byte[] luma = new byte[16 * 9];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = (byte) (i * 7 + index);
        }
        return new AnalysisFrame(index, time, 16, 9, luma, List.of());
    }
}
