package avmon.monolith.status;

import java.util.List;

/** What the status endpoint reports on: the monitor's streams, and the process's resource use. */
public interface StatusSource {

    /** A snapshot of every stream this copy monitors. */
    List<StreamStatus> streams();

    /** CPU seconds the process has used so far. */
    double cpuSeconds();

    /** The process's peak heap use so far, in bytes. */
    long peakMemoryBytes();

    /**
     * The process's peak resident memory so far in bytes (heap, native decoder buffers, code), or -1 where
     * the system does not tell.
     */
    default long peakResidentBytes() {
        return -1;
    }
}
