package avmon.core.evaluate;

import avmon.core.detect.Defect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What is really wrong with a stream: the defects injected into it, with their times. Written as
 * {@code truth.json} beside a generated stream; the format is described in {@code docs/ground-truth.md}.
 *
 * @param streamId        the stream's id
 * @param seed            the generator's seed, or 0 when made by another tool
 * @param duration        stream length in seconds
 * @param frameRate       frames per second
 * @param segmentDuration target segment length in seconds
 * @param hasVideo        whether the stream has video
 * @param hasAudio        whether the stream has audio
 * @param syncPattern     whether the stream carries the flash/beep sync pattern (needed for av_sync)
 * @param defects         the true defects ({@link Defect#detector()} is null)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroundTruth(String streamId, long seed, double duration, double frameRate, double segmentDuration,
                          boolean hasVideo, boolean hasAudio, boolean syncPattern, List<Defect> defects) {

    public GroundTruth {
        defects = List.copyOf(defects);
    }
}
