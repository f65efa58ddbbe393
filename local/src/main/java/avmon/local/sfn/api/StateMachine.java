package avmon.local.sfn.api;

import avmon.local.sfn.StateMachineDefinition;
import java.time.Instant;

/**
 * A state machine held by the service.
 *
 * @param arn          {@code arn:aws:states:<region>:<account>:stateMachine:<name>}
 * @param name         its name
 * @param type         STANDARD or EXPRESS
 * @param definition   the ASL text as created
 * @param roleArn      the role it was created with
 * @param creationDate when it was created
 * @param runnable     the parsed definition that runs its executions
 */
public record StateMachine(String arn, String name, StateMachineType type, String definition, String roleArn,
                           Instant creationDate, StateMachineDefinition runnable) {

    /** Whether a CreateStateMachine with these values would be a repeat of the one that made this machine. */
    boolean sameAs(String otherDefinition, String otherRoleArn, StateMachineType otherType) {
        return definition.equals(otherDefinition) && roleArn.equals(otherRoleArn) && type == otherType;
    }
}
