package avmon.core.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads {@code file:} URIs: local runs and tests. Never given to a deployed function. */
public final class FileSourceFetcher implements SourceFetcher {

    @Override
    public byte[] fetch(URI uri) throws SourceException {
        if (!"file".equals(uri.getScheme())) {
            throw new SourceException(SourceException.Reason.FAILED, uri, "not a file: URI: " + uri, null);
        }
        try {
            return Files.readAllBytes(Path.of(uri));
        } catch (NoSuchFileException e) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, uri, "no such file: " + Path.of(uri), e);
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.FAILED, uri, "cannot read " + Path.of(uri) + ": " + e, e);
        }
    }
}
