package avmon.core.independent;

import java.util.List;

/**
 * How one independent clip is made: the encoder and its settings, the container, and where its packets are damaged.
 *
 * @param id        the clip's id, also its folder name
 * @param codec     FFmpeg encoder name ("mpeg4", "libvpx", "libopenh264")
 * @param format    container format name ("mpegts", "matroska")
 * @param extension file name extension of the container
 * @param gop       pictures from one keyframe to the next (the encoder may add more)
 * @param bFrames   most B-frames in a row (0: none; only some encoders have them)
 * @param bitRate   target bit rate in bits per second
 * @param width     picture width
 * @param height    picture height
 * @param seconds   length in seconds at 25 pictures per second
 * @param damage    time ranges whose video packets are damaged
 */
public record ClipRecipe(String id, String codec, String format, String extension, int gop, int bFrames, int bitRate,
                         int width, int height, double seconds, List<DamageRange> damage) {

    /** Pictures per second of every clip. */
    public static final int FRAME_RATE = 25;

    /**
     * Packets whose presentation time lies in {@code [start, end)} seconds from the first picture are damaged.
     *
     * @param start first damaged time
     * @param end   end of the range
     */
    public record DamageRange(double start, double end) {
        public DamageRange {
            if (!(start >= 0) || !(end > start)) {
                throw new IllegalArgumentException("damage range must have 0 <= start < end, got " + start + ".." + end);
            }
        }

        boolean covers(double t) {
            return t >= start - 1e-6 && t < end - 1e-6;
        }
    }

    public ClipRecipe {
        damage = List.copyOf(damage);
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("clip id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        if (gop < 1 || bFrames < 0 || bitRate <= 0 || width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0
                || !(seconds > 0)) {
            throw new IllegalArgumentException(id + ": gop >= 1, bFrames >= 0, bitRate > 0, even size >= 16 and"
                    + " a positive length are needed");
        }
    }

    /** Number of pictures. */
    public int frames() {
        return (int) Math.round(seconds * FRAME_RATE);
    }
}
