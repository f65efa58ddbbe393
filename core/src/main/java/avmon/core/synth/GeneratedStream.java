package avmon.core.synth;

import avmon.core.evaluate.GroundTruth;
import java.nio.file.Path;

/**
 * A stream the generator wrote.
 *
 * @param directory the stream's folder
 * @param playlist  its HLS playlist
 * @param segments  number of segments
 * @param truth     its ground truth, also written as {@code truth.json}
 */
public record GeneratedStream(Path directory, Path playlist, int segments, GroundTruth truth) {
}
