package avmon.monolith.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A snapshot of one monitored stream, as the status endpoint shows it.
 *
 * @param streamId       the stream
 * @param source         where it is read from
 * @param state          what it is doing
 * @param position       stream time analysed so far, in seconds
 * @param lagSeconds     how far analysis is behind the live edge (wall clock), 0 for files read at full speed
 * @param framesAnalysed pictures analysed so far
 * @param defects        defects reported so far, by type
 * @param lastError      the last input error, or {@code null}
 * @param cpuSeconds     CPU time its worker spent decoding and analysing it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamStatus(String streamId, String source, State state, double position, double lagSeconds,
                           long framesAnalysed, Map<String, Long> defects, String lastError,
                           double cpuSeconds) {

    /** What a stream is doing. */
    public enum State {
        /** Waiting for a worker: more streams than workers. */
        QUEUED,
        /** Opening its input. */
        STARTING,
        /** Analysing and keeping up. */
        RUNNING,
        /** Analysing, but further behind the live edge than allowed. */
        BEHIND,
        /** Its input failed or stalled; waiting to try again. */
        RETRYING,
        /** Given up on (retries exhausted, or an input that can never work). */
        FAILED,
        /** Its input ended (a file, a VOD playlist). */
        ENDED,
        /** The monitor shut down before its input ended. */
        STOPPED
    }

    public StreamStatus {
        defects = Map.copyOf(defects);
    }
}
