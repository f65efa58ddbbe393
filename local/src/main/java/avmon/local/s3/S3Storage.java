package avmon.local.s3;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local S3 keeps objects: in memory (gone when the server stops) or in a directory.
 */
public final class S3Storage {

    private final Path directory;

    private S3Storage(Path directory) {
        this.directory = directory;
    }

    /** Objects live in memory and vanish when the server closes. */
    public static S3Storage inMemory() {
        return new S3Storage(null);
    }

    /** Objects live under {@code directory}, one sub-directory per bucket, and survive restarts. */
    public static S3Storage onDisk(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("directory must not be null");
        }
        return new S3Storage(directory.toAbsolutePath());
    }

    /** The directory, or empty when objects are kept in memory. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    @Override
    public String toString() {
        return directory == null ? "in memory" : directory.toString();
    }
}
