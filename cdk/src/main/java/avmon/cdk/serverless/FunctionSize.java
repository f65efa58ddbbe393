package avmon.cdk.serverless;

import java.time.Duration;

/**
 * What one function is given: memory (which also sets its CPU share: 1,769 MB is one vCPU), timeout and
 * ephemeral storage ({@code /tmp}).
 *
 * @param memoryMb          128 to 10,240
 * @param timeout           1 s to 15 min
 * @param ephemeralStorageMb 512 to 10,240
 */
public record FunctionSize(int memoryMb, Duration timeout, int ephemeralStorageMb) {

    public FunctionSize {
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("Lambda memory must be 128 to 10240 MB, was " + memoryMb);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("Lambda timeout must be 1 s to 15 min, was " + timeout);
        }
        if (ephemeralStorageMb < 512 || ephemeralStorageMb > 10_240) {
            throw new IllegalArgumentException("Lambda ephemeral storage must be 512 to 10240 MB, was " + ephemeralStorageMb);
        }
    }

    /** The same with {@code memoryMb}. */
    public FunctionSize withMemoryMb(int memory) {
        return new FunctionSize(memory, timeout, ephemeralStorageMb);
    }
}
