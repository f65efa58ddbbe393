package avmon.core.corruption.train;

import avmon.core.synth.EnumNames;
import avmon.core.synth.StreamSpec;
import avmon.core.synth.VideoCodec;
import avmon.core.synth.VideoEncoding;
import java.util.SplittableRandom;

/**
 * Which encodings the streams of a {@link TrainingPlan} get. A model that has seen one encoder at one quality
 * learns that encoder's clean pictures as the only clean ones, and flags other encoders' coding artefacts
 * (blocking at low rates, ringing, smeared motion) as damage; varied encodings show it what clean looks like
 * across encoders, rates and keyframe intervals.
 */
public enum EncodingMix {
    /** Every stream as the generator's default: H.264 (openh264) at one constant quantizer, a keyframe a second. */
    DEFAULT,
    /**
     * Each stream its own encoding: H.264 (openh264), MPEG-4 Part 2, MPEG-2 or VP8; a constant quantizer or the
     * encoder's rate control at 0.02 to 0.25 bits per pixel; a keyframe every 12 to 100 pictures; up to 3 B-frames
     * where the codec has them.
     */
    VARIED;

    /** Bits per pixel and picture of the rate-controlled streams: from heavy blocking to nearly transparent. */
    private static final double MIN_BITS_PER_PIXEL = 0.02;
    private static final double MAX_BITS_PER_PIXEL = 0.25;
    private static final int MIN_KEYFRAME_INTERVAL = 12;
    private static final int MAX_KEYFRAME_INTERVAL = 100;
    private static final int MAX_B_FRAMES = 3;

    /** The encoding of one stream of {@code size}, drawn from {@code random} (untouched for {@link #DEFAULT}). */
    public VideoEncoding draw(SplittableRandom random, PictureSize size) {
        if (this == DEFAULT) {
            return VideoEncoding.DEFAULT;
        }
        VideoCodec codec = codec(random);
        double fps = StreamSpec.DEFAULT_FRAME_RATE;
        double keyframeSeconds = random.nextInt(MIN_KEYFRAME_INTERVAL, MAX_KEYFRAME_INTERVAL + 1) / fps;
        int bFrames = codec.hasBFrames() && random.nextInt(5) >= 2 ? random.nextInt(1, MAX_B_FRAMES + 1) : 0;
        if (random.nextBoolean()) {
            double bitsPerPixel = MIN_BITS_PER_PIXEL * Math.pow(MAX_BITS_PER_PIXEL / MIN_BITS_PER_PIXEL, random.nextDouble());
            long bitRate = Math.round(bitsPerPixel * size.width() * size.height() * fps / 1000) * 1000;
            return VideoEncoding.bitRate(codec, bitRate, keyframeSeconds, bFrames);
        }
        return VideoEncoding.constantQuantizer(codec, quantizer(codec, random), keyframeSeconds, bFrames);
    }

    /** H.264 and MPEG-4 Part 2 the most (the most common), then VP8, then MPEG-2. */
    private static VideoCodec codec(SplittableRandom random) {
        int k = random.nextInt(20);
        return k < 7 ? VideoCodec.H264 : k < 13 ? VideoCodec.MPEG4 : k < 17 ? VideoCodec.VP8 : VideoCodec.MPEG2;
    }

    /** A quantizer from nearly transparent to visibly blocky, in the codec's own scale. */
    private static int quantizer(VideoCodec codec, SplittableRandom random) {
        return switch (codec) {
            case H264 -> random.nextInt(18, 39);
            case MPEG4, MPEG2 -> random.nextInt(2, 17);
            case VP8 -> random.nextInt(8, 57);
        };
    }

    /** The lower-case name used on the command line ("default", "varied"). */
    public String jsonName() {
        return EnumNames.of(this);
    }

    /**
     * The mix named {@code name} (case does not matter).
     *
     * @throws IllegalArgumentException naming the known mixes when there is no such mix
     */
    public static EncodingMix fromName(String name) {
        return EnumNames.parse(EncodingMix.class, name, "encoding mix");
    }
}
