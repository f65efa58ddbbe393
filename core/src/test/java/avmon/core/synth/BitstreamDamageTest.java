package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitstreamDamageTest {

    /** A packet of {@code size} bytes of 0x55 with a start code and {@code code} at {@code at}. */
    private static byte[] withStartCode(int size, int at, int code) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 0x55);
        b[at] = 0;
        b[at + 1] = 0;
        b[at + 2] = 1;
        b[at + 3] = (byte) code;
        return b;
    }

    private static int changed(byte[] before, byte[] after, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += before[i] != after[i] ? 1 : 0;
        }
        return n;
    }

    @Test
    void damage_mpeg4_onlyTheVopDataAfterItsHeader() {
        byte[] packet = withStartCode(200, 40, 0xB6);
        byte[] sequenceHeader = withStartCode(40, 0, 0xB0);
        System.arraycopy(sequenceHeader, 0, packet, 0, 40);
        byte[] before = packet.clone();
        assertTrue(BitstreamDamage.damage(VideoCodec.MPEG4, packet, new SplittableRandom(3)), "the VOP is damaged");
        assertEquals(0, changed(before, packet, 0, 40 + 4 + 6), "sequence header, start code and VOP header intact");
        int hit = changed(before, packet, 50, 200);
        assertTrue(hit >= 1 && hit <= BitstreamDamage.BYTES_PER_SLICE, "at most 6 bytes of data changed, got " + hit);
    }

    @Test
    void damage_mpeg2_onlySliceDataNeverThePictureHeader() {
        byte[] packet = withStartCode(300, 0, 0x00);
        byte[] slice = withStartCode(150, 0, 0x01);
        System.arraycopy(slice, 0, packet, 150, 150);
        byte[] before = packet.clone();
        assertTrue(BitstreamDamage.damage(VideoCodec.MPEG2, packet, new SplittableRandom(4)), "the slice is damaged");
        assertEquals(0, changed(before, packet, 0, 150 + 4 + 2), "picture header, slice start code and header intact");
    }

    @Test
    void damage_vp8Keyframe_frameHeaderIntactAndNoLowBytesWritten() {
        byte[] frame = new byte[120];
        Arrays.fill(frame, (byte) 0x77);
        frame[0] = 0x10; // lowest bit 0: a keyframe, whose header is 10 bytes
        byte[] before = frame.clone();
        assertTrue(BitstreamDamage.damage(VideoCodec.VP8, frame, new SplittableRandom(5)), "the frame is damaged");
        assertEquals(0, changed(before, frame, 0, 18), "frame tag, keyframe header and picture header start intact");
        for (int i = 18; i < frame.length; i++) {
            assertTrue((frame[i] & 0xff) >= 0x10, "byte " + i + " can start no start code");
        }
    }

    @Test
    void damage_noPictureData_leftUnchanged() {
        byte[] header = withStartCode(30, 0, 0xB0);
        byte[] before = header.clone();
        assertFalse(BitstreamDamage.damage(VideoCodec.MPEG4, header, new SplittableRandom(6)), "no VOP: nothing to damage");
        assertArrayEquals(before, header, "the packet is untouched");
    }

    @Test
    void damage_sameSeed_sameBytes() {
        byte[] a = withStartCode(500, 0, 0xB6);
        byte[] b = a.clone();
        BitstreamDamage.damage(VideoCodec.MPEG4, a, new SplittableRandom(9));
        BitstreamDamage.damage(VideoCodec.MPEG4, b, new SplittableRandom(9));
        assertArrayEquals(a, b, "the seed decides which bytes and their values");
    }
}
