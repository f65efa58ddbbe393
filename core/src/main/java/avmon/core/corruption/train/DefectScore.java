package avmon.core.corruption.train;

import java.util.List;

/**
 * Corruption events (contiguous runs of corrupted pictures) against the reported defects.
 *
 * @param events       true corruption events
 * @param found        events some reported defect overlaps
 * @param falseDefects reported defects that overlap no event
 * @param startErrors  for each found event, |reported start - true start| in pictures
 */
public record DefectScore(int events, int found, int falseDefects, List<Integer> startErrors) {

    public DefectScore {
        startErrors = List.copyOf(startErrors);
    }

    public double recall() {
        return events == 0 ? 1 : (double) found / events;
    }

    /** The largest start error in pictures, 0 when nothing was found. */
    public int maxStartError() {
        return startErrors.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Found events whose start is within {@code frames} pictures of the truth. */
    public long startsWithin(int frames) {
        return startErrors.stream().filter(e -> e <= frames).count();
    }
}
