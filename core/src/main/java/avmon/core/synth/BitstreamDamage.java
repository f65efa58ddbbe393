package avmon.core.synth;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Damages H.264 video packets the way a lossy link does: a few bytes of each slice's payload are overwritten
 * over chosen time ranges. NAL headers, slice headers and start codes stay intact, so the decoder still finds
 * the pictures and conceals what it cannot decode ("error while decoding MB", "concealing ..."), and the
 * damage spreads through the predicted pictures until the next intact keyframe, as in real transmission.
 *
 * <p>Which bytes, and their new values, follow from the seed and the packet's timestamp: the same seed
 * damages the same bytes.
 */
final class BitstreamDamage {

    /** Bytes overwritten per slice. */
    static final int BYTES_PER_SLICE = 6;
    /** Slice header bytes left alone (with the NAL header), so the slice is still recognised. */
    private static final int SLICE_HEADER_BYTES = 12;
    private static final int NAL_SLICE = 1;
    private static final int NAL_IDR_SLICE = 5;

    /** A stream time range, seconds from the first picture, {@code [start, end)}. */
    record Range(double start, double end) {
        boolean covers(double t) {
            return t >= start - 1e-6 && t < end - 1e-6;
        }
    }

    private final long seed;
    private final List<Range> ranges;
    private int damagedPackets;

    BitstreamDamage(long seed, List<Range> ranges) {
        this.seed = seed;
        this.ranges = List.copyOf(ranges);
    }

    /** Damages {@code packet} (writable, from {@code stream}) when its picture time falls in a range. */
    void apply(AVPacket packet, AVStream stream) {
        long start = stream.start_time() == avutil.AV_NOPTS_VALUE ? 0 : stream.start_time();
        double time = (packet.pts() - start) * avutil.av_q2d(stream.time_base());
        if (ranges.stream().noneMatch(r -> r.covers(time))) {
            return;
        }
        BytePointer data = packet.data();
        byte[] bytes = new byte[packet.size()];
        data.get(bytes);
        if (damage(bytes, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + packet.pts()))) {
            data.put(bytes);
            damagedPackets++;
        }
    }

    /** Number of packets damaged so far. */
    int damagedPackets() {
        return damagedPackets;
    }

    /** Overwrites bytes inside every slice NAL unit of an Annex B access unit; false when it has none. */
    static boolean damage(byte[] unit, SplittableRandom random) {
        boolean damaged = false;
        int nal = nextNal(unit, 0);
        while (nal >= 0) {
            int next = nextNal(unit, nal);
            int end = next < 0 ? unit.length : startCodeBegin(unit, next);
            int type = unit[nal] & 0x1f;
            int first = nal + 1 + SLICE_HEADER_BYTES;
            if ((type == NAL_SLICE || type == NAL_IDR_SLICE) && end - first > BYTES_PER_SLICE * 2) {
                for (int i = 0; i < BYTES_PER_SLICE; i++) {
                    // Never 0x00..0x0f: a new zero could form a start code and cut the slice in two.
                    unit[random.nextInt(first, end)] = (byte) random.nextInt(0x10, 0x100);
                }
                damaged = true;
            }
            nal = next;
        }
        return damaged;
    }

    /** Index of the first byte after the next 00 00 01 start code at or after {@code from}, or -1. */
    private static int nextNal(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Where the start code before the NAL at {@code nal} begins (3 or 4 bytes earlier). */
    private static int startCodeBegin(byte[] b, int nal) {
        int begin = nal - 3;
        return begin > 0 && b[begin - 1] == 0 ? begin - 1 : begin;
    }
}
