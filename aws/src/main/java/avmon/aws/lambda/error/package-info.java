/**
 * The errors the functions raise, one class per reason. Lambda's Java runtime reports a thrown exception's
 * fully qualified class name as the error type, and the state machine's Retry and Catch match on those
 * names: {@link avmon.aws.lambda.error.SourceUnavailableException} and
 * {@link avmon.aws.lambda.error.FrameStoreUnavailableException} are retried, the others are caught into a
 * failure notification. Renaming or moving a class here changes the workflow's contract.
 */
package avmon.aws.lambda.error;
