package avmon.local.sfn.api;

/**
 * The error codes of the Step Functions API that the local service raises. The HTTP server sends the
 * name as {@code __type}, which the AWS SDK turns into the exception class of the same name plus
 * {@code Exception} (for example {@code InvalidDefinition} becomes {@code InvalidDefinitionException}).
 */
public enum SfnErrorCode {
    InvalidArn,
    InvalidName,
    InvalidDefinition,
    InvalidExecutionInput,
    InvalidToken,
    StateMachineAlreadyExists,
    StateMachineDoesNotExist,
    StateMachineTypeNotSupported,
    ExecutionAlreadyExists,
    ExecutionDoesNotExist,
    /** A request member is missing or outside its allowed values. */
    ValidationException
}
