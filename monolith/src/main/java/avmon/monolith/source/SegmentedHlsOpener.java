package avmon.monolith.source;

import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaStream;
import avmon.core.source.HlsPlaylist;
import avmon.core.source.SourceFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens HLS playlists that FFmpeg cannot read itself (those stored in S3) as {@link SegmentedHlsStream}s
 * through a {@link SourceFetcher}. A source opened again after input loss resumes at the segment it was
 * reading, with the same time origin, so the stream's timeline continues and nothing is read twice that
 * need not be.
 */
public final class SegmentedHlsOpener implements MediaOpener {

    private final SourceFetcher fetcher;
    private final MediaOptions options;
    private final Path workDir;
    private final Map<String, SegmentedHlsStream.Checkpoint> checkpoints = new ConcurrentHashMap<>();

    /**
     * @param fetcher reads playlists and segments
     * @param options how segments are decoded
     * @param workDir where a segment is written while it is decoded
     */
    public SegmentedHlsOpener(SourceFetcher fetcher, MediaOptions options, Path workDir) {
        this.fetcher = fetcher;
        this.options = options;
        this.workDir = workDir;
    }

    @Override
    public MediaStream open(StreamSource source, Interruption interruption) throws MediaException {
        return SegmentedHlsStream.open(URI.create(source.location()), fetcher, options, interruption,
                checkpoints.get(source.id()), checkpoint -> checkpoints.put(source.id(), checkpoint), workDir);
    }

    /**
     * Reads the source's playlist once, to find out before monitoring starts whether it can work at all.
     *
     * @throws MediaException NOT_FOUND when the playlist (or its bucket) does not exist, NOT_MEDIA when it is
     *                        not a media playlist, READ_FAILED when it cannot be fetched (endpoint, credentials)
     */
    public HlsPlaylist check(StreamSource source) throws MediaException {
        return SegmentedHlsStream.readPlaylist(URI.create(source.location()), fetcher);
    }
}
