package avmon.local.s3;

import avmon.local.LocalCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The S3 wire protocol on 127.0.0.1, served by S3Proxy in this JVM. Every request must carry a
 * SigV4 signature made with the server's credentials; clients use path-style addressing and
 * {@link #clientConfiguration()}.
 */
public final class S3Server implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final S3Storage storage;
    private final URI endpoint;

    private S3Server(S3Proxy proxy, BlobStore blobStore, S3Storage storage, URI endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.storage = storage;
        this.endpoint = endpoint;
    }

    /**
     * Starts a server on an ephemeral port.
     *
     * @throws S3ServerException when the storage directory cannot be used or the server does not start
     */
    public static S3Server start(S3Storage storage, LocalCredentials credentials) {
        S3ProxyLogging.quiet();
        BlobStore blobStore = openBlobStore(storage);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://" + LOOPBACK + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V4,
                        credentials.accessKeyId(), credentials.secretAccessKey())
                .build();
        try {
            proxy.start();
            waitUntilStarted(proxy);
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new S3ServerException("S3Proxy did not start: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + LOOPBACK + ":" + proxy.getPort());
        return new S3Server(proxy, blobStore, storage, endpoint);
    }

    private static BlobStore openBlobStore(S3Storage storage) {
        if (storage.directory().isEmpty()) {
            return new TransientNio2BlobStore();
        }
        Path directory = storage.directory().get();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new S3ServerException("cannot use " + directory + " for S3 objects: " + e, e);
        }
        if (!Files.isWritable(directory)) {
            throw new S3ServerException("cannot write S3 objects to " + directory, null);
        }
        return new FilesystemNio2BlobStore(directory.toString());
    }

    // start() returns once Jetty is starting; the port is only known when it is STARTED.
    private static void waitUntilStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still " + proxy.getState() + " after 10 s");
            }
            Thread.sleep(5);
        }
    }

    /** The URI to give {@code S3Client.builder().endpointOverride(...)}, with {@code forcePathStyle(true)}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The S3 settings a client of this server needs: request bodies sent plainly with a Content-Length
     * rather than aws-chunked.
     *
     * <p>Why: S3Proxy (4.1.0) stores a PutObject after reading {@code x-amz-decoded-content-length} bytes
     * of an aws-chunked body and answers at once, leaving the zero-length chunk and the checksum trailer
     * that end the body unread. When they have not arrived yet, Jetty cannot find where the next request
     * starts and closes the connection, so the client either fails writing them ("Error writing request
     * body to server") or keeps the dead connection and fails its next request ("Unexpected end of file
     * from server"). The SDK retries both, so this showed only as an occasional extra, failed request,
     * and rarely as a failure when every attempt lost the race. A plain body is read to its last byte.
     * Give it to {@code S3Client.builder().serviceConfiguration(...)}, together with {@code forcePathStyle(true)}.
     */
    public static S3Configuration clientConfiguration() {
        return S3Configuration.builder().chunkedEncodingEnabled(false).build();
    }

    /** Where objects are kept. */
    public S3Storage storage() {
        return storage;
    }

    /**
     * Creates a bucket unless it exists, without going through the wire protocol.
     *
     * @throws IllegalArgumentException when the name breaks S3's bucket naming rules
     */
    public void createBucket(String name) {
        if (name == null || !BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("not a valid S3 bucket name (3 to 63 lower-case letters, digits,"
                    + " '.' or '-', starting and ending with a letter or digit): " + name);
        }
        if (!blobStore.containerExists(name)) {
            blobStore.createContainer(name);
        }
    }

    @Override
    public void close() {
        stopQuietly(proxy);
        blobStore.close();
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new S3ServerException("S3Proxy did not stop: " + e.getMessage(), e);
        }
    }
}
