package avmon.core.corruption.train;

import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.List;

/**
 * One stream of the training data: its content, size, encoding, seed and where its bitstream is damaged.
 *
 * @param id      stream id, unique over all splits
 * @param split   the part of the data it belongs to
 * @param content what the pictures show
 * @param size    the stream's picture size (the model sees every size at its own input size)
 * @param seed    seed of the pictures and of the damaged bytes
 * @param damage  block-corruption ranges to damage; empty for a clean stream
 * @param encoding how its pictures are encoded
 */
public record TrainingStream(String id, Split split, PictureContent content, PictureSize size, long seed,
                             List<InjectedDefect> damage, VideoEncoding encoding) {

    public TrainingStream {
        damage = List.copyOf(damage);
        java.util.Objects.requireNonNull(encoding, "encoding");
    }

    /** The same stream left clean (damage that leaves no visible trace, on flat pictures, is dropped this way). */
    public TrainingStream clean() {
        return new TrainingStream(id, split, content, size, seed, List.of(), encoding);
    }
}
