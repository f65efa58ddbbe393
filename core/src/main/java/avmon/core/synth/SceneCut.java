package avmon.core.synth;

/**
 * A scene cut in a generated stream: from {@code time} on the pictures show another content instance, all at once,
 * as a programme cuts from one shot to the next. A cut is not a defect; the encoder codes it as it likes.
 *
 * @param time    stream time in seconds of the first picture of the new shot (the first picture at or after it)
 * @param content what the new shot shows
 * @param seed    the new shot's seed: the same kind with another seed is another instance of it
 */
public record SceneCut(double time, PictureContent content, long seed) {

    public SceneCut {
        java.util.Objects.requireNonNull(content, "content");
        if (!(time > 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("a scene cut needs a time after the start, got " + time);
        }
    }

    /**
     * Whether a shot of {@code content} drawn from {@code seed} shows exactly what this cut's shot shows, so
     * that a cut between them would change nothing: the same moving kind and seed, black and black, or flat
     * pictures of one level.
     */
    boolean showsTheSameAs(PictureContent otherContent, long otherSeed) {
        if (content != otherContent) {
            return false;
        }
        return switch (content) {
            case BLACK -> true;
            case FLAT -> FlatRenderer.levelFor(seed) == FlatRenderer.levelFor(otherSeed);
            default -> seed == otherSeed;
        };
    }
}
