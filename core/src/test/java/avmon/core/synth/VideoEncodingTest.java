package avmon.core.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VideoEncodingTest {

    @Test
    void constructor_quantizerAndBitRate_refusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VideoEncoding(VideoCodec.MPEG4, 5, 500_000, 1.0, 0));
        assertTrue(e.getMessage().contains("not both"), "says both were set: " + e.getMessage());
    }

    @Test
    void constructor_neitherQuantizerNorBitRate_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VideoEncoding(VideoCodec.H264, 0, 0, 1.0, 0));
        assertTrue(e.getMessage().contains("neither"), "says neither was set: " + e.getMessage());
    }

    @Test
    void constructor_quantizerOutsideCodecRange_refusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoEncoding.constantQuantizer(VideoCodec.MPEG2, 40, 1.0, 0));
        assertTrue(e.getMessage().contains("1..31"), "names mpeg2video's range: " + e.getMessage());
    }

    @Test
    void constructor_bFramesOnCodecWithout_refusedNamingTheEncoder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoEncoding.constantQuantizer(VideoCodec.H264, 24, 1.0, 2));
        assertTrue(e.getMessage().contains("libopenh264 has none"), "names the encoder: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VideoEncoding.bitRate(VideoCodec.VP8, 500_000, 1.0, 1),
                "libvpx's VP8 has no B-frames either");
    }

    @Test
    void constructor_badKeyframeIntervalOrBitRate_refused() {
        assertThrows(IllegalArgumentException.class, () -> VideoEncoding.bitRate(VideoCodec.MPEG4, 500_000, 0, 0),
                "a keyframe interval of 0 s");
        assertThrows(IllegalArgumentException.class,
                () -> VideoEncoding.bitRate(VideoCodec.MPEG4, 500_000, Double.NaN, 0), "no keyframe interval");
        assertThrows(IllegalArgumentException.class, () -> VideoEncoding.bitRate(VideoCodec.MPEG4, 1_000, 1.0, 0),
                "1 kbit/s is below the minimum");
        assertThrows(IllegalArgumentException.class,
                () -> VideoEncoding.constantQuantizer(VideoCodec.MPEG4, 4, 1.0, -1), "negative B-frames");
    }

    @Test
    void keyframeInterval_default_oneSecondOfPictures() {
        assertEquals(25, VideoEncoding.DEFAULT.keyframeInterval(25), "a keyframe a second at 25 fps");
        assertEquals(12, VideoEncoding.bitRate(VideoCodec.MPEG4, 400_000, 0.48, 2).keyframeInterval(25),
                "0.48 s at 25 fps");
    }

    @Test
    void describe_namesCodecRateIntervalAndBFrames() {
        assertEquals("mpeg4-400k-k0.48s-b2", VideoEncoding.bitRate(VideoCodec.MPEG4, 400_000, 0.48, 2).describe(),
                "rate-controlled MPEG-4 with B-frames");
        assertEquals("h264-q24-k1.00s", VideoEncoding.DEFAULT.describe(), "the default");
    }

    @Test
    void fromName_unknownCodec_refusedListingTheKnown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VideoCodec.fromName("hevc"));
        assertTrue(e.getMessage().contains("mpeg4") && e.getMessage().contains("vp8"), "lists codecs: " + e.getMessage());
        assertEquals(VideoCodec.MPEG2, VideoCodec.fromName(" MPEG2 "), "case and spaces do not matter");
    }
}
