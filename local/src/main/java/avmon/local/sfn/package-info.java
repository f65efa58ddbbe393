/**
 * A local AWS Step Functions: an Amazon States Language interpreter ({@code avmon.local.sfn.asl}) and,
 * in front of it, the Step Functions JSON API on a local HTTP port ({@code avmon.local.sfn.api}), so that
 * the AWS SDK's {@code SfnClient} drives it unchanged.
 *
 * <p>The types in this package are the contract between the two halves: the interpreter runs one
 * execution and writes its history through a {@link avmon.local.sfn.HistorySink}; the service keeps
 * state machines, executions and histories, and gives the interpreter what it needs from outside
 * through {@link avmon.local.sfn.ExecutionContext}.
 */
package avmon.local.sfn;
