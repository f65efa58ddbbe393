package avmon.monolith.source;

import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaStream;

/** Opens a source for reading; the supervisor calls it again for every retry. */
@FunctionalInterface
public interface MediaOpener {

    /**
     * Opens {@code source}. A blocked open or read gives up once {@code interruption} is interrupted.
     *
     * @throws MediaException when the input cannot be opened
     */
    MediaStream open(StreamSource source, Interruption interruption) throws MediaException;
}
