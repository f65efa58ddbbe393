package avmon.local.sfn.api;

import java.util.UUID;

/**
 * Names and ARNs of state machines and executions: how the service builds them and which ones it
 * refuses, with the error codes AWS uses (InvalidName, InvalidArn).
 */
final class ResourceNames {

    static final int MAX_NAME_LENGTH = 80;
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private final String prefix;

    ResourceNames(String region, String accountId) {
        this.prefix = "arn:aws:states:" + region + ":" + accountId + ":";
    }

    String stateMachineArn(String name) {
        return prefix + "stateMachine:" + name;
    }

    /**
     * Standard executions are {@code ...:execution:<machine>:<name>}; Express executions carry a unique
     * suffix, {@code ...:express:<machine>:<name>:<uuid>}, because AWS does not make their names unique.
     */
    String executionArn(StateMachine machine, String executionName) {
        if (machine.type() == StateMachineType.EXPRESS) {
            return prefix + "express:" + machine.name() + ":" + executionName + ":" + UUID.randomUUID();
        }
        return prefix + "execution:" + machine.name() + ":" + executionName;
    }

    /** Refuses a state machine or execution name that AWS refuses. */
    static void requireValidName(String name) {
        if (name == null || name.isEmpty()) {
            throw new StepFunctionsException(SfnErrorCode.InvalidName, "Invalid Name: '' (a name needs 1 to 80 characters)");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new StepFunctionsException(SfnErrorCode.InvalidName,
                    "Invalid Name: '" + name + "' (longer than " + MAX_NAME_LENGTH + " characters)");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || FORBIDDEN.indexOf(c) >= 0 || c <= 0x1f || (c >= 0x7f && c <= 0x9f)) {
                throw new StepFunctionsException(SfnErrorCode.InvalidName,
                        "Invalid Name: '" + name + "' (character " + describe(c) + " is not allowed)");
            }
        }
    }

    /** Refuses text that is not a state machine ARN. */
    static void requireStateMachineArn(String arn) {
        requireResourceType(arn, "stateMachine");
    }

    /** Refuses text that is not an execution ARN (standard or express). */
    static void requireExecutionArn(String arn) {
        String type = resourceType(arn);
        if (!type.equals("execution") && !type.equals("express")) {
            throw new StepFunctionsException(SfnErrorCode.InvalidArn,
                    "Invalid Arn: 'Resource type not valid in this context: " + type + "'");
        }
    }

    private static void requireResourceType(String arn, String expected) {
        String type = resourceType(arn);
        if (!type.equals(expected)) {
            throw new StepFunctionsException(SfnErrorCode.InvalidArn,
                    "Invalid Arn: 'Resource type not valid in this context: " + type + "'");
        }
    }

    /** The resource type of a Step Functions ARN: the sixth colon-separated part. */
    private static String resourceType(String arn) {
        if (arn == null || arn.isEmpty()) {
            throw new StepFunctionsException(SfnErrorCode.InvalidArn, "Invalid Arn: 'an ARN is required'");
        }
        String[] parts = arn.split(":", -1);
        if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("states")) {
            throw new StepFunctionsException(SfnErrorCode.InvalidArn, "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
        }
        return parts[5];
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
