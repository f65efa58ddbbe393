package avmon.monolith.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class SustainedSearchTest {

    @Test
    void search_startAboveCapacity_stepsDownThenPinsTheCount() {
        List<Integer> tried = new ArrayList<>();
        SustainedSearch search = run(new SustainedSearch(29, 200, 10), n -> n <= 21, tried);

        assertEquals(21, search.sustained(), "largest count that kept up; tried " + tried);
        assertEquals(22, search.failedAt().getAsInt(), "next count up failed; tried " + tried);
        assertEquals(List.of(29, 24, 20, 22, 21), tried, "down by 15% until one keeps up, then halving the gap");
    }

    @Test
    void search_startBelowCapacity_stepsUpThenPinsTheCount() {
        List<Integer> tried = new ArrayList<>();
        SustainedSearch search = run(new SustainedSearch(10, 200, 10), n -> n <= 13, tried);

        assertEquals(13, search.sustained(), "tried " + tried);
        assertEquals(14, search.failedAt().getAsInt(), "tried " + tried);
        assertEquals(List.of(10, 12, 14, 13), tried, "up by 15% (at least one) until one fails");
    }

    @Test
    void search_outOfChecks_reportsTheBracketItReached() {
        List<Integer> tried = new ArrayList<>();
        SustainedSearch search = run(new SustainedSearch(100, 200, 2), n -> n <= 40, tried);

        assertEquals(List.of(100, 85), tried, "two checks");
        assertEquals(0, search.sustained(), "nothing kept up within the budget");
        assertEquals(85, search.failedAt().getAsInt(), "smallest count that failed");
    }

    @Test
    void search_everythingKeepsUp_stopsAtTheLargestCountAllowed() {
        List<Integer> tried = new ArrayList<>();
        SustainedSearch search = run(new SustainedSearch(5, 8, 10), n -> true, tried);

        assertEquals(8, search.sustained(), "the cap kept up; tried " + tried);
        assertTrue(search.failedAt().isEmpty(), "no count failed: the capacity may be higher");
        assertEquals(8, tried.get(tried.size() - 1), "ends at the cap");
    }

    @Test
    void search_oneStreamFails_endsWithNoneSustained() {
        List<Integer> tried = new ArrayList<>();
        SustainedSearch search = run(new SustainedSearch(3, 200, 10), n -> false, tried);

        assertEquals(List.of(3, 2, 1), tried, "down to one stream, then no further");
        assertEquals(0, search.sustained(), "none kept up");
    }

    @Test
    void search_oneCheckOnly_checksTheStartAndStops() {
        SustainedSearch search = new SustainedSearch(7, 7, 1);
        search.record(7, false);

        assertTrue(search.next().isEmpty(), "one check asked for, one run");
        assertEquals(7, search.failedAt().getAsInt(), "the count failed");
    }

    @Test
    void search_nonMonotonicNearTheBoundary_keepsTheLargestPassAndTheSmallestFailure() {
        List<Integer> tried = new ArrayList<>();
        // 20 fails by bad luck, though 22 passes.
        SustainedSearch search = run(new SustainedSearch(24, 200, 10), n -> n != 20 && n <= 22, tried);

        assertEquals(List.of(24, 20, 17, 18, 19), tried, "the failure at 20 is taken as the upper bound");
        assertEquals(19, search.sustained(), "the bracket closes where the reversal happened");
        assertEquals(20, search.failedAt().getAsInt(), "smallest count that failed");
    }

    @Test
    void record_countOtherThanAskedFor_isRefused() {
        SustainedSearch search = new SustainedSearch(4, 10, 3);

        assertThrows(IllegalStateException.class, () -> search.record(5, true), "the search decides the counts");
    }

    private static SustainedSearch run(SustainedSearch search, IntPredicate keepsUp, List<Integer> tried) {
        while (search.next().isPresent()) {
            int n = search.next().getAsInt();
            tried.add(n);
            search.record(n, keepsUp.test(n));
        }
        return search;
    }
}
