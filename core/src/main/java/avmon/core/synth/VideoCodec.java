package avmon.core.synth;

/**
 * The video encoders the generator can use, each with what it accepts: its FFmpeg encoder, the range of its
 * constant quantizer, whether it has B-frames, and whether its stream can be cut into HLS MPEG-TS segments.
 */
public enum VideoCodec {
    /** H.264 through libopenh264 (the LGPL build has no x264): no B-frames in its baseline profile. */
    H264("libopenh264", 0, 51, false, true),
    /** MPEG-4 Part 2 (FFmpeg's own encoder), with B-frames if asked. */
    MPEG4("mpeg4", 1, 31, true, true),
    /** MPEG-2 video (FFmpeg's own encoder), with B-frames if asked. */
    MPEG2("mpeg2video", 1, 31, true, true),
    /** VP8 through libvpx; MPEG-TS cannot carry it, so its stream is one Matroska file instead of HLS. */
    VP8("libvpx", 4, 63, false, false);

    private final String encoder;
    private final int minQuantizer;
    private final int maxQuantizer;
    private final boolean bFrames;
    private final boolean hls;

    VideoCodec(String encoder, int minQuantizer, int maxQuantizer, boolean bFrames, boolean hls) {
        this.encoder = encoder;
        this.minQuantizer = minQuantizer;
        this.maxQuantizer = maxQuantizer;
        this.bFrames = bFrames;
        this.hls = hls;
    }

    /** FFmpeg's name of the encoder. */
    public String encoder() {
        return encoder;
    }

    public int minQuantizer() {
        return minQuantizer;
    }

    public int maxQuantizer() {
        return maxQuantizer;
    }

    /** Whether the encoder can code B-frames. */
    public boolean hasBFrames() {
        return bFrames;
    }

    /** Whether the stream is written as HLS (MPEG-TS segments); otherwise as one Matroska file. */
    public boolean hls() {
        return hls;
    }

    /** The lower-case name used in ids and files ("h264", "mpeg4", ...). */
    public String jsonName() {
        return EnumNames.of(this);
    }

    /**
     * The codec named {@code name} (case does not matter).
     *
     * @throws IllegalArgumentException naming the known codecs when there is no such codec
     */
    public static VideoCodec fromName(String name) {
        return EnumNames.parse(VideoCodec.class, name, "video codec");
    }
}
