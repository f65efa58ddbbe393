package avmon.core.convert;

/** A segment number beyond the end of a playlist that has ended. */
public class SegmentOutOfRangeException extends Exception {
    public SegmentOutOfRangeException(String message) {
        super(message);
    }
}
