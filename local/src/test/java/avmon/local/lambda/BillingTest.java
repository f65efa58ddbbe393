package avmon.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BillingTest {

    @Test
    void billedMillis_fractionOfAMillisecond_roundsUpToOne() {
        assertEquals(1, Billing.billedMillis(Duration.ZERO, Duration.ofNanos(1)), "1 ns bills 1 ms");
        assertEquals(1, Billing.billedMillis(Duration.ZERO, Duration.ZERO), "Lambda bills at least 1 ms");
    }

    @Test
    void billedMillis_partialMillisecond_roundsUp() {
        assertEquals(2, Billing.billedMillis(Duration.ZERO, Duration.ofNanos(1_200_000)), "1.2 ms bills 2 ms");
        assertEquals(5, Billing.billedMillis(Duration.ZERO, Duration.ofMillis(5)), "5 ms exactly bills 5 ms");
    }

    @Test
    void billedMillis_coldStart_addsInitBeforeRounding() {
        Duration init = Duration.ofNanos(500_000);
        Duration handler = Duration.ofNanos(1_600_000);

        assertEquals(3, Billing.billedMillis(init, handler), "0.5 ms init + 1.6 ms handler = 2.1 ms, billed 3 ms");
    }

    @Test
    void gbSeconds_isMemoryInGbTimesBilledSeconds() {
        assertEquals(1.0, Billing.gbSeconds(1024, 1000), 1e-12, "1 GB for 1 s");
        assertEquals(0.75, Billing.gbSeconds(512, 1500), 1e-12, "0.5 GB for 1.5 s");
        assertEquals(0.000125, Billing.gbSeconds(128, 1), 1e-12, "128 MB for 1 ms");
    }
}
