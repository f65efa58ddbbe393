package avmon.monolith.source;

import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens sources with FFmpeg. A source opened again (a retry after input loss) keeps the stream time of its
 * first opening, so a reconnect to a live playlist continues the stream's timeline instead of restarting it
 * at zero. A file source marked live is played at real time ({@link PacedMediaStream}).
 */
public final class FfmpegOpener implements MediaOpener {

    private final MediaOptions options;
    private final Map<String, Double> origins = new ConcurrentHashMap<>();

    public FfmpegOpener(MediaOptions options) {
        this.options = options;
    }

    @Override
    public MediaStream open(StreamSource source, Interruption interruption) throws MediaException {
        FfmpegMediaStream stream = FfmpegMediaStream.open(source.location(),
                options.withStreamOrigin(origins.get(source.id())), interruption);
        origins.putIfAbsent(source.id(), stream.origin());
        if (source.kind() == StreamSource.Kind.FILE && source.live()) {
            return new PacedMediaStream(stream, interruption);
        }
        return stream;
    }
}
