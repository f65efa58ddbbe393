package avmon.core.synth;

/**
 * The pictures of a stream from one scene cut to the next (or from the start, or to the end), all drawn from one
 * content instance.
 *
 * @param firstFrame first picture of the shot
 * @param endFrame   first picture after it (the stream's picture count for the last shot)
 * @param content    what the shot shows
 * @param seed       the seed its pictures are drawn from
 */
record Shot(int firstFrame, int endFrame, PictureContent content, long seed) {

    /** Whether the shot's pictures never change (flat or black): one freeze, and for black also black. */
    boolean still() {
        return !content.moves();
    }

    /** Whether picture {@code frame} belongs to the shot. */
    boolean covers(int frame) {
        return frame >= firstFrame && frame < endFrame;
    }

    /** Whether pictures {@code [first, end)} all belong to the shot. */
    boolean contains(int first, int end) {
        return first >= firstFrame && end <= endFrame;
    }

    /** Whether pictures {@code [first, end)} overlap the shot or start or end right at its edge. */
    boolean overlapsOrTouches(int first, int end) {
        return first <= endFrame && end >= firstFrame;
    }
}
