package avmon.local.sfn.api;

/**
 * Thrown into the interpreter when an execution writes more events than the service allows (AWS: 25,000).
 * The service then fails the execution with States.Runtime, as AWS does.
 */
public class HistoryLimitExceededException extends RuntimeException {

    public HistoryLimitExceededException(int limit) {
        super("The execution reached the maximum number of history events (" + limit + ")");
    }
}
