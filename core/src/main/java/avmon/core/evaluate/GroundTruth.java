package avmon.core.evaluate;

import avmon.core.detect.Defect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param sceneCuts       times of the first picture of each new shot where the picture cuts to other content; not
 *                        defects, listed so that a detection there can be told apart (empty when there is none, and
 *                        then left out of the file)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroundTruth(String streamId, long seed, double duration, double frameRate, double segmentDuration,
                          boolean hasVideo, boolean hasAudio, boolean syncPattern, List<Defect> defects,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> sceneCuts) {

    public GroundTruth {
        defects = List.copyOf(defects);
        sceneCuts = sceneCuts == null ? List.of() : List.copyOf(sceneCuts);
    }

    /** The truth of a stream without scene cuts. */
    public GroundTruth(String streamId, long seed, double duration, double frameRate, double segmentDuration,
                       boolean hasVideo, boolean hasAudio, boolean syncPattern, List<Defect> defects) {
        this(streamId, seed, duration, frameRate, segmentDuration, hasVideo, hasAudio, syncPattern, defects, List.of());
    }
}
