package avmon.core.media;

/**
 * One unit a {@link MediaStream} hands out: a picture or a run of audio, in stream time.
 * Stream time is in seconds from the first sample of the stream (not of the segment).
 */
public sealed interface MediaSample permits AnalysisFrame, AudioBuffer {

    /** Presentation time of the first picture or sample, in seconds of stream time. */
    double time();
}
