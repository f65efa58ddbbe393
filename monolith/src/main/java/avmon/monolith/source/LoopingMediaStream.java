package avmon.monolith.source;

import avmon.core.media.AnalysisFrame;
import avmon.core.media.AudioBuffer;
import avmon.core.media.MediaException;
import avmon.core.media.MediaSample;
import avmon.core.media.MediaStream;
import avmon.core.media.StreamInfo;

/**
 * A short input played over and over as one long stream, up to a given duration: each pass is opened anew
 * and its times are shifted to follow the previous pass. Makes an hour of stream from a ten-second clip
 * for the capacity benchmark and the memory check, with the decoder doing real work on every pass.
 */
public final class LoopingMediaStream implements MediaStream {

    /** Opens one pass of the input. */
    @FunctionalInterface
    public interface Pass {
        MediaStream open() throws MediaException;
    }

    private final Pass pass;
    private final double duration;
    private MediaStream current;
    private double offset;
    private double frameDuration;
    private long frameOffset;
    private double endTime;

    /** Plays {@code pass} again and again until {@code duration} seconds of stream time have been handed out. */
    public LoopingMediaStream(Pass pass, double duration) throws MediaException {
        this.pass = pass;
        this.duration = duration;
        this.current = pass.open();
        double rate = current.info().frameRate();
        this.frameDuration = rate > 0 ? 1.0 / rate : 0;
    }

    @Override
    public StreamInfo info() {
        return current.info();
    }

    @Override
    public MediaSample next() throws MediaException {
        while (true) {
            MediaSample sample = current.next();
            if (sample == null) {
                if (current.endTime() <= 0) {
                    return null;
                }
                nextPass();
                continue;
            }
            MediaSample shifted = shift(sample);
            if (shifted.time() >= duration) {
                return null;
            }
            endTime = Math.max(endTime, shifted.time() + (shifted instanceof AudioBuffer a ? a.duration() : frameDuration));
            return shifted;
        }
    }

    private void nextPass() throws MediaException {
        double passLength = current.endTime();
        current.close();
        offset += passLength;
        frameOffset = frameDuration > 0 ? Math.round(offset / frameDuration) : frameOffset;
        current = pass.open();
    }

    private MediaSample shift(MediaSample sample) {
        if (offset == 0) {
            return sample;
        }
        if (sample instanceof AnalysisFrame f) {
            return new AnalysisFrame(f.index() + frameOffset, f.time() + offset, f.width(), f.height(), f.luma(),
                    f.decoderErrors(), f.keyframe());
        }
        AudioBuffer a = (AudioBuffer) sample;
        return new AudioBuffer(a.time() + offset, a.sampleRate(), a.channels(), a.samples());
    }

    @Override
    public double endTime() {
        return endTime;
    }

    @Override
    public void close() {
        current.close();
    }
}
