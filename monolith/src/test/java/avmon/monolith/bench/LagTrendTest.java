package avmon.monolith.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LagTrendTest {

    @Test
    void growthPerMinute_lagSteadyWithJitterAfterAStartUpSpike_aboutZero() {
        LagTrend trend = new LagTrend(1);
        for (int i = 0; i <= 120; i++) {
            double t = i * 0.25;
            double startUp = t < 3 ? 2.0 - t * 0.6 : 0;
            trend.add(t, 0.1 + startUp + (i % 3 == 0 ? 0.08 : 0));
        }

        assertEquals(0.0, trend.growthPerMinute(), 0.05, "a steady lag does not grow; the start-up is left out");
    }

    @Test
    void growthPerMinute_lagGrowingTwoPercentOfWallTime_onePointTwoSecondsPerMinute() {
        LagTrend trend = new LagTrend(1);
        for (int i = 0; i <= 120; i++) {
            double t = i * 0.25;
            trend.add(t, 0.02 * t);
        }

        assertEquals(1.2, trend.growthPerMinute(), 0.01, "0.02 s of lag per second of run");
    }

    @Test
    void growthPerMinute_sawtoothOfTwoSecondSegmentsInTwoSecondWindows_aboutZero() {
        LagTrend sawtooth = new LagTrend(2);
        for (int i = 0; i <= 120; i++) {
            double t = i * 0.25;
            sawtooth.add(t, 2.0 * (t % 2.0) / 2.0);
        }

        assertEquals(0.0, sawtooth.growthPerMinute(), 0.1,
                "a lag that rises and falls with every segment, at a level, does not grow");
    }

    @Test
    void growthPerMinute_segmentPeaksRisingWhileTheStreamStillDrainsEverySegment_aboutZero() {
        LagTrend trend = new LagTrend(2);
        for (int i = 0; i <= 240; i++) {
            double t = i * 0.25;
            // Each segment's first picture waits longer and longer behind other streams, but every segment is
            // still done before the next one arrives: lag falls back to 0.1 s each time.
            double peak = 1.0 + t / 60;
            double inSegment = t % 2.0;
            trend.add(t, inSegment < 1.0 ? peak * (1 - inSegment) + 0.1 : 0.1);
        }

        assertEquals(0.0, trend.growthPerMinute(), 0.05, "a stream that catches up every segment keeps up");
    }

    @Test
    void growthPerMinute_sawtoothWhoseFloorRisesOnePercent_growthSeen() {
        LagTrend trend = new LagTrend(2);
        for (int i = 0; i <= 240; i++) {
            double t = i * 0.25;
            trend.add(t, 0.01 * t + 1.5 * (1 - (t % 2.0) / 2.0));
        }

        assertEquals(0.6, trend.growthPerMinute(), 0.05, "a backlog that grows 1% of wall time: 0.6 s per minute");
    }

    @Test
    void growthPerMinute_tooFewSamples_zero() {
        LagTrend trend = new LagTrend(1);
        assertEquals(0.0, trend.growthPerMinute(), "no samples");
        trend.add(1, 5);
        assertEquals(0.0, trend.growthPerMinute(), "one sample has no slope");
    }

    @Test
    void constructor_windowNotPositive_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new LagTrend(0));
    }
}
