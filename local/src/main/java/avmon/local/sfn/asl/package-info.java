/**
 * The Amazon States Language interpreter: {@link avmon.local.sfn.asl.AslParser} validates a definition as AWS
 * does and compiles every path, template and expression once; the resulting definition runs executions state
 * by state on the calling thread, writing AWS's history events and counting billed transitions (every state
 * entered, every retry).
 *
 * <p>Both query languages are supported: JSONPath (InputPath, Parameters, ResultSelector, ResultPath,
 * OutputPath, intrinsic functions; sub-packages {@code jsonpath} and {@code intrinsic}) and JSONata
 * (Arguments, Output, {@code $states}; sub-package {@code jsonata}), with workflow variables (Assign) in both.
 * Map iterations and Parallel branches run one after the other, so histories have a fixed order.
 */
package avmon.local.sfn.asl;
