package avmon.core.media;

/**
 * A run of decoded audio: interleaved samples normalised to -1..1.
 *
 * @param time       presentation time of the first sample, in seconds of stream time
 * @param sampleRate samples per second per channel
 * @param channels   number of interleaved channels
 * @param samples    {@code frames * channels} values, interleaved
 */
public record AudioBuffer(double time, int sampleRate, int channels, float[] samples) implements MediaSample {

    public AudioBuffer {
        if (channels <= 0 || sampleRate <= 0 || samples.length % channels != 0) {
            throw new IllegalArgumentException("bad audio buffer: " + channels + " channels, " + sampleRate
                    + " Hz, " + samples.length + " samples");
        }
    }

    /** Number of sample frames (samples per channel). */
    public int frameCount() {
        return samples.length / channels;
    }

    /** Duration in seconds. */
    public double duration() {
        return (double) frameCount() / sampleRate;
    }
}
