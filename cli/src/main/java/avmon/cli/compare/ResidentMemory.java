package avmon.cli.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident-memory high-water mark (VmHWM) covers its whole life; the comparison runs both designs
 * and the generator in one process, so before the monolith runs the mark is brought down to what is resident
 * now (Linux: {@code echo 5 > /proc/self/clear_refs}), and the monolith's peak is its own.
 */
final class ResidentMemory {

    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ResidentMemory() {
    }

    /** Resets the peak to the current resident set; false where the system does not allow it. */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
