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
