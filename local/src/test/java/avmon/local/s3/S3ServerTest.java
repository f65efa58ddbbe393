package avmon.local.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.local.LocalCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ServerTest {

    private static final LocalCredentials CREDENTIALS = LocalCredentials.DEFAULT;
    private static S3Server server;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        server = S3Server.start(S3Storage.inMemory(), CREDENTIALS);
        s3 = client(server, CREDENTIALS);
        s3.createBucket(b -> b.bucket("frames"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    static S3Client client(S3Server server, LocalCredentials credentials) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .serviceConfiguration(S3Server.clientConfiguration())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials.provider())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void putObject_thenGet_returnsSameBytes() {
        byte[] body = "frame 1".getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket("frames").key("s1/0001.jpg").contentType("image/jpeg"),
                RequestBody.fromBytes(body));

        byte[] read = s3.getObjectAsBytes(b -> b.bucket("frames").key("s1/0001.jpg")).asByteArray();

        assertArrayEquals(body, read, "the object read back is the object written");
    }

    @Test
    void headObject_afterPut_reportsLengthAndType() {
        s3.putObject(b -> b.bucket("frames").key("s1/head.jpg").contentType("image/jpeg"),
                RequestBody.fromString("12345"));

        HeadObjectResponse head = s3.headObject(b -> b.bucket("frames").key("s1/head.jpg"));

        assertEquals(5L, head.contentLength(), "content length");
        assertEquals("image/jpeg", head.contentType(), "content type");
    }

    @Test
    void listObjectsV2_withPrefix_listsOnlyKeysUnderPrefix() {
        s3.putObject(b -> b.bucket("frames").key("list/a/1"), RequestBody.fromString("1"));
        s3.putObject(b -> b.bucket("frames").key("list/a/2"), RequestBody.fromString("2"));
        s3.putObject(b -> b.bucket("frames").key("list/b/1"), RequestBody.fromString("3"));

        List<String> keys = s3.listObjectsV2(b -> b.bucket("frames").prefix("list/a/")).contents()
                .stream().map(S3Object::key).toList();

        assertEquals(List.of("list/a/1", "list/a/2"), keys, "keys under the prefix, in order");
    }

    @Test
    void deleteObject_thenGet_throwsNoSuchKey() {
        s3.putObject(b -> b.bucket("frames").key("gone"), RequestBody.fromString("x"));

        s3.deleteObject(b -> b.bucket("frames").key("gone"));

        assertThrows(NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(b -> b.bucket("frames").key("gone")),
                "a deleted object is not found");
    }

    @Test
    void getObject_missingKey_throwsNoSuchKey() {
        assertThrows(NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(b -> b.bucket("frames").key("never/written")),
                "a key never written is NoSuchKey");
    }

    @Test
    void putObject_missingBucket_throwsNoSuchBucket() {
        assertThrows(NoSuchBucketException.class,
                () -> s3.putObject(b -> b.bucket("no-such-bucket").key("k"), RequestBody.fromString("x")),
                "a bucket never created is NoSuchBucket");
    }

    @Test
    void anyRequest_wrongSecretKey_isRejected() {
        LocalCredentials wrong = new LocalCredentials(CREDENTIALS.accessKeyId(), "not-the-secret");
        try (S3Client impostor = client(server, wrong)) {
            S3Exception error = assertThrows(S3Exception.class,
                    () -> impostor.listObjectsV2(b -> b.bucket("frames")), "a bad signature is refused");
            assertEquals(403, error.statusCode(), "status of a refused signature");
            assertEquals("SignatureDoesNotMatch", error.awsErrorDetails().errorCode(), "error code");
        }
    }

    @Test
    void anyRequest_unknownAccessKey_isRejected() {
        LocalCredentials wrong = new LocalCredentials("someone-else", CREDENTIALS.secretAccessKey());
        try (S3Client impostor = client(server, wrong)) {
            S3Exception error = assertThrows(S3Exception.class,
                    () -> impostor.listObjectsV2(b -> b.bucket("frames")), "an unknown key is refused");
            assertEquals(403, error.statusCode(), "status of an unknown access key");
        }
    }

    @Test
    void createBucket_onDisk_objectsSurviveRestart(@TempDir Path directory) {
        try (S3Server first = S3Server.start(S3Storage.onDisk(directory), CREDENTIALS);
             S3Client client = client(first, CREDENTIALS)) {
            first.createBucket("kept");
            client.putObject(b -> b.bucket("kept").key("a/b.txt"), RequestBody.fromString("persisted"));
        }
        assertTrue(Files.isDirectory(directory.resolve("kept")), "the bucket is a directory on disk");

        try (S3Server second = S3Server.start(S3Storage.onDisk(directory), CREDENTIALS);
             S3Client client = client(second, CREDENTIALS)) {
            String read = client.getObjectAsBytes(b -> b.bucket("kept").key("a/b.txt")).asUtf8String();
            assertEquals("persisted", read, "an object written before a restart is read after it");
        }
    }

    @Test
    void createBucket_invalidName_throwsIllegalArgument() {
        for (String name : new String[] {"ab", "Upper", "-dash", "a..b", "x".repeat(64)}) {
            assertThrows(IllegalArgumentException.class, () -> server.createBucket(name), name + " is no bucket name");
        }
    }

    @Test
    void start_storageIsAFile_throwsS3ServerException(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("not-a-dir"), "x");

        assertThrows(S3ServerException.class, () -> S3Server.start(S3Storage.onDisk(file), CREDENTIALS),
                "a regular file cannot hold buckets");
    }
}
