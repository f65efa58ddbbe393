package avmon.monolith.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 5);

    @Test
    void delayAfter_consecutiveFailures_doublesUpToTheCap() {
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(1), "first retry");
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(2), "second");
        assertEquals(Duration.ofSeconds(8), policy.delayAfter(4), "fourth");
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(5), "capped");
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(1000), "capped, no overflow");
    }

    @Test
    void givesUpAfter_maxAttempts_onlyThen() {
        assertFalse(policy.givesUpAfter(4), "4 of 5");
        assertTrue(policy.givesUpAfter(5), "5 of 5");
        assertFalse(new RetryPolicy(Duration.ZERO, Duration.ZERO, 0).givesUpAfter(1_000_000), "0 never gives up");
    }

    @Test
    void constructor_capBelowInitialDelay_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 3));
    }
}
