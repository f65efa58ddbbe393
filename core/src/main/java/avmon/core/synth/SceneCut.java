package avmon.core.synth;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scene cut in a generated stream: from {@code time} on the pictures show another content instance, all at once,
 * as a programme cuts from one shot to the next. A cut is not a defect; the encoder codes it as it likes.
 *
 * @param time    stream time in seconds of the first picture of the new shot (the first picture at or after it)
 * @param content what the new shot shows
 * @param seed    the new shot's seed: the same kind with another seed is another instance of it
 */
public record SceneCut(double time, PictureContent content, long seed) {

    private static final Pattern TEXT = Pattern.compile("([0-9.]+)=([a-z]+)(?::(-?[0-9]+))?");

    public SceneCut {
        java.util.Objects.requireNonNull(content, "content");
        if (!(time > 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("a scene cut needs a time after the start, got " + time);
        }
    }

    /**
     * Reads {@code time=kind} or {@code time=kind:seed}: {@code 3.5=text:7} cuts to text drawn from seed 7 at 3.5 s.
     *
     * @param defaultSeed the seed when the text names none (the stream's own)
     * @throws IllegalArgumentException when the text does not have that form or names no known kind
     */
    public static SceneCut parse(String text, long defaultSeed) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("scene cut '" + text + "' is not time=kind or time=kind:seed"
                    + " (e.g. 3.5=text, 7=texture:9)");
        }
        double time;
        try {
            time = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scene cut '" + text + "': '" + m.group(1) + "' is not a time", e);
        }
        long seed = m.group(3) == null ? defaultSeed : Long.parseLong(m.group(3));
        return new SceneCut(time, PictureContent.fromName(m.group(2)), seed);
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
