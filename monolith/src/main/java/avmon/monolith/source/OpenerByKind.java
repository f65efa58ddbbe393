package avmon.monolith.source;

import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaStream;
import java.util.EnumMap;
import java.util.Map;

/** Opens each source with the opener for its kind: FFmpeg for files and HTTP(S), a fetcher for S3. */
public final class OpenerByKind implements MediaOpener {

    private final Map<StreamSource.Kind, MediaOpener> openers;

    /** @param openers the opener of each kind that may come up; a source of another kind cannot be opened */
    public OpenerByKind(Map<StreamSource.Kind, MediaOpener> openers) {
        this.openers = new EnumMap<>(StreamSource.Kind.class);
        this.openers.putAll(openers);
    }

    @Override
    public MediaStream open(StreamSource source, Interruption interruption) throws MediaException {
        MediaOpener opener = openers.get(source.kind());
        if (opener == null) {
            throw new UnsupportedSourceException(source.location() + ": no way to open " + source.kind()
                    + " sources was configured");
        }
        return opener.open(source, interruption);
    }
}
