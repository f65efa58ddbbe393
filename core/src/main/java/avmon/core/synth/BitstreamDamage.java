package avmon.core.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Damages video packets the way a lossy link does: a few bytes of each picture's coded data are overwritten
 * over chosen time ranges. The headers the decoder needs to find the picture stay intact (H.264's NAL and slice
 * headers, MPEG-4 Part 2's VOP header, MPEG-2's picture and slice headers, VP8's frame tag), and no new start
 * code can form, so the decoder still finds the pictures and conceals what it cannot decode ("error while
 * decoding MB", "concealing ..."), and the damage spreads through the predicted pictures until the next
 * intact keyframe, as in real transmission.
 *
 * <p>Which bytes, and their new values, follow from the seed and the packet's timestamp: the same seed
 * damages the same bytes.
 */
final class BitstreamDamage {

    /** Bytes overwritten per H.264 slice, and per picture of the other codecs. */
    static final int BYTES_PER_SLICE = 6;
    /** MPEG-4 Part 2 VOP header bytes left alone after the start code (coding type, time, quantizer, f_code). */
    private static final int VOP_HEADER_BYTES = 6;
    /** MPEG-2 slice header bytes left alone after the start code (quantiser scale and extra bit). */
    private static final int MPEG2_SLICE_HEADER_BYTES = 2;
    /** VP8 frame header: the 3-byte frame tag, and on keyframes a start code and the picture size (7 bytes). */
    private static final int VP8_TAG_BYTES = 3;
    private static final int VP8_KEYFRAME_HEADER_BYTES = 7;
    /** VP8 bytes left alone after the frame header: the start of the first partition's picture header. */
    private static final int VP8_PICTURE_HEADER_BYTES = 8;
    private static final int MPEG4_VOP = 0xB6;
    private static final int MPEG2_FIRST_SLICE = 0x01;
    private static final int MPEG2_LAST_SLICE = 0xAF;
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
    private final VideoCodec codec;
    private int damagedPackets;

    BitstreamDamage(long seed, List<Range> ranges, VideoCodec codec) {
        this.seed = seed;
        this.ranges = List.copyOf(ranges);
        this.codec = codec;
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
        if (damage(codec, bytes, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + packet.pts()))) {
            data.put(bytes);
            damagedPackets++;
        }
    }

    /** Number of packets damaged so far. */
    int damagedPackets() {
        return damagedPackets;
    }

    /** Overwrites bytes of one packet of {@code codec}'s stream; false when it holds no picture data to damage. */
    static boolean damage(VideoCodec codec, byte[] packet, SplittableRandom random) {
        return switch (codec) {
            case H264 -> damageH264(packet, random);
            case MPEG4 -> damageSpans(packet, startCodePayloads(packet, MPEG4_VOP, MPEG4_VOP, VOP_HEADER_BYTES), random);
            case MPEG2 -> damageSpans(packet, startCodePayloads(packet, MPEG2_FIRST_SLICE, MPEG2_LAST_SLICE,
                    MPEG2_SLICE_HEADER_BYTES), random);
            case VP8 -> damageSpans(packet, vp8Payload(packet), random);
        };
    }

    /** Overwrites bytes inside every slice NAL unit of an Annex B access unit; false when it has none. */
    static boolean damageH264(byte[] unit, SplittableRandom random) {
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

    /** Overwrites {@link #BYTES_PER_SLICE} bytes at random places among {@code spans}; false when they are too short. */
    private static boolean damageSpans(byte[] packet, List<int[]> spans, SplittableRandom random) {
        int total = spans.stream().mapToInt(span -> span[1] - span[0]).sum();
        if (total <= BYTES_PER_SLICE * 2) {
            return false;
        }
        for (int i = 0; i < BYTES_PER_SLICE; i++) {
            int k = random.nextInt(total);
            for (int[] span : spans) {
                if (k < span[1] - span[0]) {
                    packet[span[0] + k] = (byte) random.nextInt(0x10, 0x100);
                    break;
                }
                k -= span[1] - span[0];
            }
        }
        return true;
    }

    /**
     * The coded data after each start code whose code byte is within {@code [first, last]}, past
     * {@code headerBytes} of header, up to the next start code: {@code {from, to}} pairs.
     */
    private static List<int[]> startCodePayloads(byte[] b, int first, int last, int headerBytes) {
        List<int[]> spans = new ArrayList<>();
        int unit = nextNal(b, 0);
        while (unit >= 0) {
            int next = nextNal(b, unit);
            int end = next < 0 ? b.length : startCodeBegin(b, next);
            int code = b[unit] & 0xff;
            int from = unit + 1 + headerBytes;
            if (code >= first && code <= last && end > from) {
                spans.add(new int[] {from, end});
            }
            unit = next;
        }
        return spans;
    }

    /** A VP8 frame's data after its frame header and the start of its picture header. */
    private static List<int[]> vp8Payload(byte[] frame) {
        if (frame.length < VP8_TAG_BYTES) {
            return List.of();
        }
        boolean keyframe = (frame[0] & 1) == 0;
        int from = VP8_TAG_BYTES + (keyframe ? VP8_KEYFRAME_HEADER_BYTES : 0) + VP8_PICTURE_HEADER_BYTES;
        return from < frame.length ? List.<int[]>of(new int[] {from, frame.length}) : List.of();
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
