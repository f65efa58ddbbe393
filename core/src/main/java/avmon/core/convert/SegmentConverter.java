package avmon.core.convert;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.source.HlsPlaylist;
import avmon.core.source.PlaylistException;
import avmon.core.source.SourceException;
import avmon.core.source.SourceFetcher;
import avmon.core.store.FrameStore;
import avmon.core.store.SegmentKey;
import avmon.core.store.SegmentManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts one segment of a stream: reads the playlist, fetches the segment, decodes it into analysis frames
 * and audio in stream time, and stores them. Each call stands alone (a Lambda instance is not sticky): what
 * must carry over, the stream's time origin, goes back to the caller in the result.
 */
public final class SegmentConverter {

    private final SourceFetcher fetcher;
    private final FrameStore store;
    private final MediaOptions options;
    private final Path workDir;

    /**
     * @param fetcher reads playlists and segments
     * @param store   where frames and audio go
     * @param options thumbnail size and audio on/off
     * @param workDir where a segment is written while it is decoded (a Lambda's /tmp)
     */
    public SegmentConverter(SourceFetcher fetcher, FrameStore store, MediaOptions options, Path workDir) {
        this.fetcher = fetcher;
        this.store = store;
        this.options = options;
        this.workDir = workDir;
    }

    /**
     * Converts the requested segment.
     *
     * @throws SourceException            the playlist or segment cannot be fetched
     * @throws PlaylistException          the playlist is not HLS, or a master playlist
     * @throws MediaException             the segment cannot be decoded
     * @throws SegmentOutOfRangeException the playlist has ended before that segment
     */
    public ConvertResult convert(ConvertRequest request)
            throws SourceException, PlaylistException, MediaException, SegmentOutOfRangeException {
        SegmentKey key = new SegmentKey(request.streamId(), request.segment());
        URI playlistUri = URI.create(request.source());
        HlsPlaylist playlist = HlsPlaylist.parse(playlistUri,
                new String(fetcher.fetch(playlistUri), StandardCharsets.UTF_8));
        if (playlist.isMaster()) {
            throw new PlaylistException(playlistUri + " is a master playlist: give one of its variants, e.g. "
                    + playlist.variants().get(0));
        }
        List<HlsPlaylist.Segment> segments = playlist.segments();
        if (request.segment() >= segments.size()) {
            if (playlist.ended()) {
                throw new SegmentOutOfRangeException(playlistUri + " has " + segments.size()
                        + " segments; there is no segment " + request.segment());
            }
            return new ConvertResult(null, request.origin() == null ? 0 : request.origin(), 0, false, true);
        }
        HlsPlaylist.Segment segment = segments.get((int) request.segment());
        byte[] bytes = fetcher.fetch(segment.uri());
        return decodeAndStore(key, bytes, request.origin(),
                playlist.ended() && request.segment() == segments.size() - 1);
    }

    private ConvertResult decodeAndStore(SegmentKey key, byte[] bytes, Double origin, boolean last)
            throws MediaException {
        Path file = writeTemp(key, bytes);
        try (FfmpegMediaStream media = FfmpegMediaStream.open(file.toString(), options.withStreamOrigin(origin))) {
            List<AnalysisFrame> frames = new ArrayList<>();
            List<AudioBuffer> audio = new ArrayList<>();
            for (MediaSample s = media.next(); s != null; s = media.next()) {
                if (s instanceof AnalysisFrame f) {
                    frames.add(f);
                } else if (s instanceof AudioBuffer a) {
                    audio.add(a);
                }
            }
            SegmentManifest manifest = store.putSegment(key, frames, join(audio));
            return new ConvertResult(manifest, media.origin(), media.endTime(), last, false);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The segment's audio runs as one buffer, starting at the first run's time. */
    static AudioBuffer join(List<AudioBuffer> runs) {
        if (runs.isEmpty()) {
            return null;
        }
        AudioBuffer first = runs.get(0);
        int total = runs.stream().mapToInt(a -> a.samples().length).sum();
        float[] samples = new float[total];
        int at = 0;
        for (AudioBuffer a : runs) {
            System.arraycopy(a.samples(), 0, samples, at, a.samples().length);
            at += a.samples().length;
        }
        return new AudioBuffer(first.time(), first.sampleRate(), first.channels(), samples);
    }

    private Path writeTemp(SegmentKey key, byte[] bytes) {
        try {
            Files.createDirectories(workDir);
            Path file = Files.createTempFile(workDir, key.streamId() + "-" + key.segment() + "-", ".ts");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the segment to " + workDir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; /tmp is wiped with the execution environment
        }
    }
}
