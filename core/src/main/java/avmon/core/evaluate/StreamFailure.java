package avmon.core.evaluate;

/**
 * A stream that could not be evaluated.
 *
 * @param streamId the stream
 * @param message  why, in one line
 */
public record StreamFailure(String streamId, String message) {
}
