package avmon.core.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts an MPEG-TS file into an HLS VOD stream ({@code index.m3u8} + {@code seg00000.ts} ...), damaging video
 * packets where asked. Segments start on keyframes (the hls muxer cuts only there), which is why the encoder
 * forces them at a fixed interval.
 */
final class HlsSegmenter {

    static final String PLAYLIST = "index.m3u8";
    static final String SEGMENT_PATTERN = "seg%05d.ts";

    private final double segmentDuration;

    HlsSegmenter(double segmentDuration) {
        this.segmentDuration = segmentDuration;
    }

    /** Writes {@code dir/index.m3u8} and its segments from {@code source}; {@code damage} may be null. */
    void segment(Path source, Path dir, BitstreamDamage damage) throws IOException {
        Map<String, String> options = Map.of(
                "hls_time", String.format(Locale.ROOT, "%.3f", segmentDuration),
                "hls_list_size", "0",
                "hls_playlist_type", "vod",
                "hls_segment_filename", dir.resolve(SEGMENT_PATTERN).toString());
        new Remuxer().copy(source, "hls", dir.resolve(PLAYLIST), options, damage);
    }
}
