package avmon.local.sfn;

/**
 * A definition that AWS would reject at CreateStateMachine. The message reads like AWS's
 * ({@code "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ... at /States/A/Next'"}) and points
 * at the problem.
 */
public class InvalidDefinitionException extends Exception {
    public InvalidDefinitionException(String message) {
        super(message);
    }
}
