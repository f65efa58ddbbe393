package avmon.local.sfn.asl;

/**
 * The state machine's own TimeoutSeconds ran out. Unchecked on purpose: no Retry or Catch may handle it,
 * so it passes every state's error handling and ends the execution as TIMED_OUT.
 */
final class ExecutionTimedOut extends RuntimeException {

    ExecutionTimedOut(long seconds) {
        super("The execution ran longer than the state machine's TimeoutSeconds (" + seconds + " s)", null, false,
                false);
    }
}
