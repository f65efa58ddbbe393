package avmon.core.synth;

import java.util.Locale;

/**
 * How a generated stream's pictures are encoded: the codec, either a constant quantizer or a target bit rate
 * (the encoder's own rate control), how often a keyframe is forced, and the most B-frames in a row. Every
 * encoder runs on one thread without time-dependent decisions, so the same pictures always encode to the same
 * bits: a damaged stream's clean twin is bit-identical to it outside the damage.
 *
 * @param codec           the encoder
 * @param quantizer       constant quantizer in the codec's range; 0 when a bit rate is set
 * @param bitRate         target bits per second for the encoder's rate control; 0 with a constant quantizer
 * @param keyframeSeconds seconds from one forced keyframe to the next (the encoder may add more of its own)
 * @param bFrames         most B-frames in a row, 0 for none (only codecs that have them)
 */
public record VideoEncoding(VideoCodec codec, int quantizer, long bitRate, double keyframeSeconds, int bFrames) {

    /** Lowest target bit rate accepted: below it the encoders skip or smear pictures beyond recognition. */
    public static final long MIN_BIT_RATE = 20_000;

    /** What every suite uses: H.264 at quantizer 24 (about 1.4 Mbit/s at 720p), a keyframe every second. */
    public static final VideoEncoding DEFAULT = constantQuantizer(VideoCodec.H264, 24, 1.0, 0);

    public VideoEncoding {
        java.util.Objects.requireNonNull(codec, "codec");
        if ((quantizer == 0) == (bitRate == 0)) {
            throw new IllegalArgumentException(codec.jsonName() + ": set either a constant quantizer or a bit rate,"
                    + " not " + (quantizer == 0 ? "neither" : "both"));
        }
        if (quantizer != 0 && (quantizer < codec.minQuantizer() || quantizer > codec.maxQuantizer())) {
            throw new IllegalArgumentException(codec.jsonName() + ": quantizer " + quantizer + " is outside "
                    + codec.minQuantizer() + ".." + codec.maxQuantizer());
        }
        if (bitRate != 0 && bitRate < MIN_BIT_RATE) {
            throw new IllegalArgumentException(codec.jsonName() + ": bit rate " + bitRate + " is below "
                    + MIN_BIT_RATE + " bit/s");
        }
        if (!(keyframeSeconds > 0) || Double.isInfinite(keyframeSeconds)) {
            throw new IllegalArgumentException(codec.jsonName() + ": keyframe interval must be positive seconds, got "
                    + keyframeSeconds);
        }
        if (bFrames < 0 || bFrames > 0 && !codec.hasBFrames()) {
            throw new IllegalArgumentException(codec.jsonName() + ": " + bFrames + " B-frames asked, "
                    + (bFrames < 0 ? "which is negative" : codec.encoder() + " has none"));
        }
    }

    /** Encoding at a constant quantizer. */
    public static VideoEncoding constantQuantizer(VideoCodec codec, int quantizer, double keyframeSeconds, int bFrames) {
        return new VideoEncoding(codec, quantizer, 0, keyframeSeconds, bFrames);
    }

    /** Encoding at a target bit rate, by the encoder's rate control. */
    public static VideoEncoding bitRate(VideoCodec codec, long bitsPerSecond, double keyframeSeconds, int bFrames) {
        return new VideoEncoding(codec, 0, bitsPerSecond, keyframeSeconds, bFrames);
    }

    /** Whether the encoder's rate control sets the quantizer. */
    public boolean rateControlled() {
        return bitRate != 0;
    }

    /** Pictures from one forced keyframe to the next at {@code frameRate}, at least 1. */
    public int keyframeInterval(double frameRate) {
        return (int) Math.max(1, Math.round(keyframeSeconds * frameRate));
    }

    /** A short name for ids and reports: "h264-q24-k1.00s", "mpeg4-800k-k2.00s-b2". */
    public String describe() {
        String rate = rateControlled() ? (bitRate / 1000) + "k" : "q" + quantizer;
        return String.format(Locale.ROOT, "%s-%s-k%.2fs%s", codec.jsonName(), rate, keyframeSeconds,
                bFrames > 0 ? "-b" + bFrames : "");
    }
}
