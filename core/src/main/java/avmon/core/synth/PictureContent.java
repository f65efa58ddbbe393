package avmon.core.synth;

/**
 * What a generated stream's pictures show. Detectors must stay quiet on every kind when the stream is clean,
 * and a trained detector must learn what damage looks like on each, so the kinds differ in what matters to
 * both: texture, motion, sharp edges and flat areas. Every kind is drawn from the stream's seed and the
 * picture number alone.
 */
public enum PictureContent {
    /** A moving diagonal gradient, drifting bars, scrolling fine noise and a bouncing checkered box. */
    TEXTURE,
    /** Film grain: fresh random grain every picture over slowly drifting soft shading. */
    NOISE,
    /** One flat gray level (from the seed) that never changes: a slate; it is also a freeze. */
    FLAT,
    /** Black pictures: a stream that is black (and so frozen) from start to end. */
    BLACK,
    /** Text: lines of white capitals rolling up like credits, and a ticker running along the bottom. */
    TEXT,
    /** Moving geometric patterns: a sliding checkerboard, a zone plate and a sine grating with sharp edges. */
    PATTERNS,
    /** On-screen graphics: flat panels with hard edges sliding over a smooth backdrop, and a sliding bar. */
    GRAPHICS;

    /** Whether the pictures change over time: flat and black never do, so a freeze of them shows nothing. */
    public boolean moves() {
        return this != FLAT && this != BLACK;
    }

    /** The lower-case name used on the command line and in files ("texture", "noise", ...). */
    public String jsonName() {
        return EnumNames.of(this);
    }

    /**
     * The kind named {@code name} (case does not matter).
     *
     * @throws IllegalArgumentException naming the known kinds when there is no such kind
     */
    public static PictureContent fromName(String name) {
        return EnumNames.parse(PictureContent.class, name, "picture content");
    }
}
