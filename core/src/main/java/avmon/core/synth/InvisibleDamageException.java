package avmon.core.synth;

import java.io.IOException;

/**
 * Injected block corruption left no visible trace in the decoded pictures (damage to flat pictures, or to a
 * picture that is almost all skipped blocks), so the stream would silently lack the defect its spec asks for.
 */
public final class InvisibleDamageException extends IOException {

    public InvisibleDamageException(String message) {
        super(message);
    }
}
