package avmon.core.media;

import java.util.ArrayList;
import java.util.List;

/** Everything a stream decodes to, for tests that compare whole streams; small test streams only. */
record Decoded(List<AnalysisFrame> frames, List<AudioBuffer> audio, double endTime) {

    static Decoded of(String source, MediaOptions options) throws MediaException {
        try (MediaStream stream = FfmpegMediaStream.open(source, options)) {
            return drain(stream);
        }
    }

    static Decoded drain(MediaStream stream) throws MediaException {
        List<AnalysisFrame> frames = new ArrayList<>();
        List<AudioBuffer> audio = new ArrayList<>();
        for (MediaSample s = stream.next(); s != null; s = stream.next()) {
            if (s instanceof AnalysisFrame f) {
                frames.add(f);
            } else {
                audio.add((AudioBuffer) s);
            }
        }
        return new Decoded(frames, audio, stream.endTime());
    }

    double audioSeconds() {
        return audio.stream().mapToDouble(AudioBuffer::duration).sum();
    }
}
