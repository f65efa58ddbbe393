package avmon.core.source;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An HLS playlist as far as avmon needs it: its media segments with their durations, whether it has ended
 * (VOD, or a live stream that finished), or, for a master playlist, its variants.
 *
 * @param uri            where the playlist was read from; segment URIs are resolved against it
 * @param segments       media segments in order (empty for a master playlist)
 * @param variants       variant playlists of a master playlist, in the order listed (empty for a media playlist)
 * @param mediaSequence  the sequence number of the first segment ({@code #EXT-X-MEDIA-SEQUENCE})
 * @param ended          whether {@code #EXT-X-ENDLIST} is present: no segment will be added
 */
public record HlsPlaylist(URI uri, List<Segment> segments, List<URI> variants, long mediaSequence, boolean ended) {

    /**
     * One media segment.
     *
     * @param uri      absolute URI of the segment
     * @param duration its {@code #EXTINF} duration in seconds
     * @param sequence its media sequence number
     * @param start    its start in seconds from the first segment of this playlist, by summed durations
     */
    public record Segment(URI uri, double duration, long sequence, double start) {
    }

    public HlsPlaylist {
        segments = List.copyOf(segments);
        variants = List.copyOf(variants);
    }

    /** Whether this is a master playlist (it lists variants, not segments). */
    public boolean isMaster() {
        return !variants.isEmpty();
    }

    /**
     * Parses playlist text.
     *
     * @throws PlaylistException when the text is not an M3U8 playlist or a line cannot be read
     */
    public static HlsPlaylist parse(URI uri, String text) throws PlaylistException {
        String[] lines = text.replace("\r", "").split("\n");
        if (lines.length == 0 || !lines[0].strip().startsWith("#EXTM3U")) {
            throw new PlaylistException(uri + " is not an HLS playlist (no #EXTM3U header)");
        }
        List<Segment> segments = new ArrayList<>();
        List<URI> variants = new ArrayList<>();
        long firstSequence = 0;
        boolean ended = false;
        Double pendingDuration = null;
        boolean pendingVariant = false;
        double start = 0;
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                firstSequence = parseLong(uri, n, line.substring(line.indexOf(':') + 1));
            } else if (line.startsWith("#EXTINF:")) {
                String value = line.substring(8);
                int comma = value.indexOf(',');
                pendingDuration = parseDouble(uri, n, comma < 0 ? value : value.substring(0, comma));
            } else if (line.startsWith("#EXT-X-STREAM-INF")) {
                pendingVariant = true;
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.startsWith("#")) {
                URI resolved = resolve(uri, n, line);
                if (pendingVariant) {
                    variants.add(resolved);
                    pendingVariant = false;
                } else if (pendingDuration != null) {
                    segments.add(new Segment(resolved, pendingDuration, firstSequence + segments.size(), start));
                    start += pendingDuration;
                    pendingDuration = null;
                } else {
                    throw new PlaylistException(uri + " line " + (n + 1) + ": a URI without #EXTINF before it");
                }
            }
        }
        return new HlsPlaylist(uri, segments, variants, firstSequence, ended);
    }

    private static URI resolve(URI base, int line, String reference) throws PlaylistException {
        try {
            return base.resolve(URI.create(reference));
        } catch (IllegalArgumentException e) {
            throw new PlaylistException(base + " line " + (line + 1) + ": bad URI '" + reference + "'");
        }
    }

    private static double parseDouble(URI uri, int line, String s) throws PlaylistException {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new PlaylistException(uri + " line " + (line + 1) + ": bad duration '" + s + "'");
        }
    }

    private static long parseLong(URI uri, int line, String s) throws PlaylistException {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new PlaylistException(uri + " line " + (line + 1) + ": bad number '" + s + "'");
        }
    }
}
