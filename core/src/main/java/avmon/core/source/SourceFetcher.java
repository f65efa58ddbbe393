package avmon.core.source;

import java.net.URI;

/**
 * Reads the bytes of a playlist or segment. Implementations: {@link HttpsSourceFetcher}, {@link FileSourceFetcher}
 * for local runs, {@code S3SourceFetcher} in the aws module. A {@link SourcePolicy} decides beforehand which
 * URIs a deployed function may fetch at all.
 */
public interface SourceFetcher {

    /**
     * The whole object at {@code uri}.
     *
     * @throws SourceException NOT_FOUND when it does not exist, FAILED when it cannot be read
     */
    byte[] fetch(URI uri) throws SourceException;
}
