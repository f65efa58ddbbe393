package avmon.core.corruption.train;

import avmon.core.detect.DefectType;
import avmon.core.synth.InjectedDefect;
import avmon.core.synth.PictureContent;
import avmon.core.synth.VideoEncoding;
import java.util.List;

/**
 * One stream of the training data: its content, size, encoding, seed, where its bitstream is damaged and where
 * its pictures hold still.
 *
 * @param id      stream id, unique over all splits
 * @param split   the part of the data it belongs to
 * @param content what the pictures show
 * @param size    the stream's picture size (the model sees every size at its own input size)
 * @param seed    seed of the pictures and of the damaged bytes
 * @param damage  block-corruption ranges to damage; empty for a clean stream
 * @param encoding how its pictures are encoded
 * @param freezes freeze ranges: one picture shown throughout, then motion again. Not damage: they teach the
 *                model that a detailed picture standing still is clean (damage also stands still where it is
 *                concealed, so a model that never saw a freeze took one for damage)
 */
public record TrainingStream(String id, Split split, PictureContent content, PictureSize size, long seed,
                             List<InjectedDefect> damage, VideoEncoding encoding, List<InjectedDefect> freezes) {

    public TrainingStream {
        damage = List.copyOf(damage);
        freezes = List.copyOf(freezes);
        java.util.Objects.requireNonNull(encoding, "encoding");
        only(damage, DefectType.BLOCK_CORRUPTION, id);
        only(freezes, DefectType.FREEZE, id);
    }

    /** A stream without freezes. */
    public TrainingStream(String id, Split split, PictureContent content, PictureSize size, long seed,
                          List<InjectedDefect> damage, VideoEncoding encoding) {
        this(id, split, content, size, seed, damage, encoding, List.of());
    }

    /**
     * The same stream left clean (damage that leaves no visible trace, on flat pictures, is dropped this way); its
     * freezes stay, since they are part of the pictures.
     */
    public TrainingStream clean() {
        return new TrainingStream(id, split, content, size, seed, List.of(), encoding, freezes);
    }

    /** What the generator injects: the damage and the freezes. */
    public List<InjectedDefect> injected() {
        return java.util.stream.Stream.concat(damage.stream(), freezes.stream()).toList();
    }

    private static void only(List<InjectedDefect> ranges, DefectType type, String id) {
        for (InjectedDefect d : ranges) {
            if (d.type() != type) {
                throw new IllegalArgumentException(id + ": expected only " + type.jsonName() + " ranges, got "
                        + d.type().jsonName());
            }
        }
    }
}
