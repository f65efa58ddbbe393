package avmon.monolith.source;

import avmon.core.media.FfmpegMediaStream;
import avmon.core.media.Interruption;
import avmon.core.media.MediaException;
import avmon.core.media.MediaOptions;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;
import avmon.core.source.HlsPlaylist;
import avmon.core.source.PlaylistException;
import avmon.core.source.SourceException;
import avmon.core.source.SourceFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An HLS media playlist read through a {@link SourceFetcher} a segment at a time, the way the converter
 * function reads it: each segment is fetched whole and decoded on its own with the stream's time origin, so
 * its pictures and audio come out in stream time and the detectors see what the serverless pipeline sees.
 * Used for playlists FFmpeg cannot open itself, such as those stored in S3.
 *
 * <p>A playlist without {@code #EXT-X-ENDLIST} is live: reading starts three segments from its end (as
 * FFmpeg's HLS demuxer does) and the playlist is fetched again, every half segment, until the next segment
 * appears; the stream ends when the playlist ends. While it waits, an {@link Interruption} makes it give up.
 *
 * <p>Failures: a playlist that cannot be found when the stream is opened gives {@link MediaException.Reason#NOT_FOUND},
 * one that is not a media playlist {@link MediaException.Reason#NOT_MEDIA}. Once open, anything lost (the
 * playlist gone, a listed segment missing or undecodable, segments that left a live playlist's window before
 * they were read) gives {@link MediaException.Reason#READ_FAILED} after every sample before it: input loss. A
 * {@link Checkpoint}, handed to the caller as each segment starts and ends, lets the next opening resume at
 * the segment that was not read to its end.
 *
 * <p>Each segment is written to a temporary file while it is decoded and deleted after. Not thread-safe.
 */
public final class SegmentedHlsStream implements MediaStream {

    /**
     * Where a stream got to, to resume it after input loss.
     *
     * @param origin       the stream's time origin, in seconds of the input's own timestamps
     * @param nextSequence the media sequence number of the segment to read next
     */
    public record Checkpoint(double origin, long nextSequence) {
    }

    /** Segments a live stream starts from the end of its playlist, as FFmpeg's {@code live_start_index}. */
    private static final int LIVE_START_SEGMENTS = 3;
    private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_POLL_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Longest single sleep while waiting, so that an interruption is noticed promptly. */
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final URI playlistUri;
    private final SourceFetcher fetcher;
    private final MediaOptions options;
    private final Interruption interruption;
    private final Consumer<Checkpoint> progress;
    private final Path workDir;
    private HlsPlaylist playlist;
    private long nextSequence;
    private Double origin;
    private StreamInfo info;
    private FfmpegMediaStream segmentStream;
    private Path segmentFile;
    private URI segmentUri;
    private double endTime;

    private SegmentedHlsStream(URI playlistUri, SourceFetcher fetcher, MediaOptions options, Interruption interruption,
                               Consumer<Checkpoint> progress, Path workDir) {
        this.playlistUri = playlistUri;
        this.fetcher = fetcher;
        this.options = options;
        this.interruption = interruption;
        this.progress = progress;
        this.workDir = workDir;
    }

    /**
     * Opens the playlist and its first segment to read.
     *
     * @param resume       where an earlier opening got to, or {@code null} to start afresh
     * @param progress     told where the stream is each time a segment starts
     * @param interruption makes a wait for the next segment give up (may be null)
     * @param workDir      where segments are written while they are decoded
     * @throws MediaException NOT_FOUND, NOT_MEDIA (not a media playlist, or its first segment is not media),
     *                        READ_FAILED (cannot be fetched now)
     */
    public static SegmentedHlsStream open(URI playlistUri, SourceFetcher fetcher, MediaOptions options,
                                          Interruption interruption, Checkpoint resume, Consumer<Checkpoint> progress,
                                          Path workDir) throws MediaException {
        SegmentedHlsStream stream = new SegmentedHlsStream(playlistUri, fetcher, options, interruption, progress,
                workDir);
        try {
            stream.start(resume);
            return stream;
        } catch (MediaException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * Reads the media playlist at {@code uri} once: what opening a stream reads first.
     *
     * @throws MediaException NOT_FOUND when it does not exist, NOT_MEDIA when it is not a media playlist,
     *                        READ_FAILED when it cannot be fetched
     */
    public static HlsPlaylist readPlaylist(URI uri, SourceFetcher fetcher) throws MediaException {
        HlsPlaylist playlist;
        try {
            playlist = HlsPlaylist.parse(uri, new String(fetcher.fetch(uri), StandardCharsets.UTF_8));
        } catch (SourceException e) {
            throw new MediaException(e.reason() == SourceException.Reason.NOT_FOUND
                    ? MediaException.Reason.NOT_FOUND : MediaException.Reason.READ_FAILED, uri.toString(),
                    e.getMessage(), e);
        } catch (PlaylistException e) {
            throw new MediaException(MediaException.Reason.NOT_MEDIA, uri.toString(), e.getMessage(), e);
        }
        if (playlist.isMaster()) {
            throw new MediaException(MediaException.Reason.NOT_MEDIA, uri.toString(), uri
                    + " is a master playlist: give one of its variants, e.g. " + playlist.variants().get(0));
        }
        return playlist;
    }

    private void start(Checkpoint resume) throws MediaException {
        playlist = readPlaylist(playlistUri, fetcher);
        origin = resume == null ? null : resume.origin();
        nextSequence = firstSequence(resume);
        HlsPlaylist.Segment first = awaitSegment();
        if (first == null) {
            throw new MediaException(MediaException.Reason.NO_USABLE_STREAM, playlistUri.toString(),
                    playlistUri + ": the playlist has ended without a segment to read");
        }
        openSegment(first);
        StreamInfo firstInfo = segmentStream.info();
        info = new StreamInfo(playlistUri.toString(), firstInfo.hasVideo(), firstInfo.hasAudio(), firstInfo.width(),
                firstInfo.height(), firstInfo.frameRate(), firstInfo.sampleRate(), firstInfo.channels(),
                firstInfo.videoCodec(), firstInfo.audioCodec());
    }

    /**
     * Where to start: the checkpoint's segment when the playlist still has it or is yet to reach it; else the
     * start of a playlist that has ended, or three segments from the end of a live one.
     */
    private long firstSequence(Checkpoint resume) {
        long first = playlist.mediaSequence();
        long afterLast = first + playlist.segments().size();
        if (resume != null && resume.nextSequence() >= first && resume.nextSequence() <= afterLast) {
            return resume.nextSequence();
        }
        if (resume != null && resume.nextSequence() < first) {
            // What dropped out of the window was reported as input loss when the last attempt failed.
            return first;
        }
        return playlist.ended() ? first : Math.max(first, afterLast - LIVE_START_SEGMENTS);
    }

    @Override
    public StreamInfo info() {
        return info;
    }

    @Override
    public MediaSample next() throws MediaException {
        while (segmentStream != null) {
            MediaSample sample = nextOfSegment();
            if (sample != null) {
                endTime = Math.max(endTime, segmentStream.endTime());
                return sample;
            }
            closeSegment();
            nextSequence++;
            progress.accept(new Checkpoint(origin, nextSequence));
            HlsPlaylist.Segment segment = awaitSegment();
            if (segment == null) {
                return null;
            }
            openSegment(segment);
        }
        return null;
    }

    private MediaSample nextOfSegment() throws MediaException {
        try {
            return segmentStream.next();
        } catch (MediaException e) {
            throw segmentFailure(e);
        }
    }

    /**
     * The segment numbered {@link #nextSequence}, fetching a live playlist again until it is listed; null
     * once the playlist has ended before it.
     */
    private HlsPlaylist.Segment awaitSegment() throws MediaException {
        while (true) {
            long first = playlist.mediaSequence();
            if (nextSequence < first) {
                throw new MediaException(MediaException.Reason.READ_FAILED, playlistUri.toString(), String.format(
                        "%s: segments %d to %d left the playlist before they were read", playlistUri, nextSequence,
                        first - 1));
            }
            int index = (int) (nextSequence - first);
            if (index < playlist.segments().size()) {
                return playlist.segments().get(index);
            }
            if (playlist.ended()) {
                return null;
            }
            waitBeforeReload();
            playlist = reloadPlaylist();
        }
    }

    /** Half a segment, as HLS asks of a client whose playlist did not change. */
    private void waitBeforeReload() throws MediaException {
        double segment = playlist.segments().isEmpty() ? 2.0
                : playlist.segments().get(playlist.segments().size() - 1).duration();
        long pause = Math.min(MAX_POLL_NANOS, Math.max(MIN_POLL_NANOS, (long) (segment / 2 * 1e9)));
        long due = System.nanoTime() + pause;
        for (long wait = pause; wait > 0; wait = due - System.nanoTime()) {
            if (interruption != null && interruption.isInterrupted()) {
                throw new MediaException(MediaException.Reason.READ_FAILED, playlistUri.toString(),
                        playlistUri + ": interrupted while waiting for segment " + nextSequence);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, MAX_SLEEP_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaException(MediaException.Reason.READ_FAILED, playlistUri.toString(),
                        playlistUri + ": thread interrupted while waiting for segment " + nextSequence, e);
            }
        }
    }

    /** The playlist fetched again; once the stream is open, losing it is input loss, whatever the cause. */
    private HlsPlaylist reloadPlaylist() throws MediaException {
        try {
            return readPlaylist(playlistUri, fetcher);
        } catch (MediaException e) {
            String why = e.reason() == MediaException.Reason.NOT_FOUND ? "the playlist is gone: " : "";
            throw new MediaException(MediaException.Reason.READ_FAILED, playlistUri.toString(),
                    why + e.getMessage(), e);
        }
    }

    private void openSegment(HlsPlaylist.Segment segment) throws MediaException {
        byte[] bytes;
        try {
            bytes = fetcher.fetch(segment.uri());
        } catch (SourceException e) {
            throw new MediaException(MediaException.Reason.READ_FAILED, segment.uri().toString(),
                    (e.reason() == SourceException.Reason.NOT_FOUND ? "segment " + segment.sequence()
                            + " is listed but missing: " : "") + e.getMessage(), e);
        }
        segmentUri = segment.uri();
        segmentFile = writeSegment(segment, bytes);
        try {
            segmentStream = FfmpegMediaStream.open(segmentFile.toString(), options.withStreamOrigin(origin),
                    interruption);
        } catch (MediaException e) {
            MediaException named = segmentFailure(e);
            closeSegment();
            // A segment later in the stream that does not open is a part of the input lost.
            throw origin == null ? named : new MediaException(MediaException.Reason.READ_FAILED,
                    named.source(), named.getMessage(), e);
        }
        if (origin == null) {
            origin = segmentStream.origin();
        }
        progress.accept(new Checkpoint(origin, segment.sequence()));
    }

    /** The segment's failure, naming the segment instead of the temporary file it was decoded from. */
    private MediaException segmentFailure(MediaException e) {
        String message = e.getMessage().replace(segmentFile.toString(), segmentUri.toString());
        return new MediaException(e.reason(), segmentUri.toString(), message, e);
    }

    private Path writeSegment(HlsPlaylist.Segment segment, byte[] bytes) throws MediaException {
        try {
            Files.createDirectories(workDir);
            Path file = Files.createTempFile(workDir, "segment-" + segment.sequence() + "-", ".ts");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.READ_FAILED, segment.uri().toString(),
                    segment.uri() + ": cannot write it to " + workDir + " to decode it: " + e, e);
        }
    }

    private void closeSegment() {
        if (segmentStream != null) {
            segmentStream.close();
            segmentStream = null;
        }
        if (segmentFile != null) {
            try {
                Files.deleteIfExists(segmentFile);
            } catch (IOException ignored) {
                // A leftover temporary segment only takes disk space until the temporary folder is cleaned.
            }
            segmentFile = null;
        }
    }

    @Override
    public double endTime() {
        return endTime;
    }

    @Override
    public void close() {
        closeSegment();
    }
}
