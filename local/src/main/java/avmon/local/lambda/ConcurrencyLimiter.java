package avmon.local.lambda;

import java.util.HashMap;
import java.util.Map;

/**
 * Lambda's concurrency accounting: a function with reserved concurrency runs at most that many
 * invocations at once; every other function shares what the reservations leave of the account limit.
 */
final class ConcurrencyLimiter {

    private final int accountLimit;
    private final Map<String, Integer> reserved = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private int reservedTotal;
    private int unreservedInFlight;

    ConcurrencyLimiter(int accountLimit) {
        if (accountLimit < 1) {
            throw new IllegalArgumentException("account concurrency limit must be at least 1: " + accountLimit);
        }
        this.accountLimit = accountLimit;
    }

    synchronized void reserve(String function, int concurrency) {
        if (reservedTotal + concurrency > accountLimit) {
            throw new LambdaServiceException("InvalidParameterValueException", 400, "Specified"
                    + " ReservedConcurrentExecutions for function " + function + " (" + concurrency
                    + ") exceeds the account's unreserved concurrency (" + (accountLimit - reservedTotal) + ")");
        }
        reserved.put(function, concurrency);
        reservedTotal += concurrency;
    }

    /** Takes one slot for {@code function}, or throws {@link ThrottledException} when there is none. */
    synchronized void acquire(String function) {
        Integer reservation = reserved.get(function);
        if (reservation != null) {
            int running = inFlight.getOrDefault(function, 0);
            if (running >= reservation) {
                throw new ThrottledException(ThrottledException.RESERVED_LIMIT);
            }
            inFlight.put(function, running + 1);
        } else {
            if (unreservedInFlight >= accountLimit - reservedTotal) {
                throw new ThrottledException(ThrottledException.ACCOUNT_LIMIT);
            }
            unreservedInFlight++;
        }
    }

    synchronized void release(String function) {
        if (reserved.containsKey(function)) {
            inFlight.merge(function, -1, Integer::sum);
        } else {
            unreservedInFlight--;
        }
    }
}
