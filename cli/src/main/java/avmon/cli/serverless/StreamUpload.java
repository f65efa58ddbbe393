package avmon.cli.serverless;

import avmon.core.store.SegmentKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts a local HLS stream (a folder with {@code index.m3u8} and its segments, as {@code avmon generate}
 * writes them) into the bucket under {@code streams/<id>/}, where the converter may read it.
 */
public final class StreamUpload {

    /** The playlist's name inside a stream folder. */
    public static final String PLAYLIST = "index.m3u8";

    private final S3Client s3;
    private final String bucket;

    public StreamUpload(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Uploads the playlist and segments of {@code streamDir} as stream {@code streamId}.
     *
     * @return the playlist's source URI, {@code s3://bucket/streams/<id>/index.m3u8}
     * @throws IllegalArgumentException when the folder has no playlist or the id cannot be a key
     */
    public String upload(String streamId, Path streamDir) {
        SegmentKey.requireValidStreamId(streamId);
        if (!Files.isRegularFile(streamDir.resolve(PLAYLIST))) {
            throw new IllegalArgumentException(streamDir + " has no " + PLAYLIST);
        }
        String prefix = "streams/" + streamId + "/";
        for (Path file : mediaFiles(streamDir)) {
            String type = file.toString().endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t";
            s3.putObject(b -> b.bucket(bucket).key(prefix + file.getFileName()).contentType(type),
                    RequestBody.fromFile(file));
        }
        return "s3://" + bucket + "/" + prefix + PLAYLIST;
    }

    private static List<Path> mediaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".m3u8") || f.toString().endsWith(".ts")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
