package avmon.core.synth;

import avmon.core.evaluate.GroundTruth;
import java.nio.file.Path;

/**
 * A stream the generator wrote.
 *
 * @param directory the stream's folder
 * @param playlist  what to open: its HLS playlist, or its one Matroska file when it is not HLS
 * @param segments  number of segments (1 for one file)
 * @param truth     its ground truth, also written as {@code truth.json}
 */
public record GeneratedStream(Path directory, Path playlist, int segments, GroundTruth truth) {
}
