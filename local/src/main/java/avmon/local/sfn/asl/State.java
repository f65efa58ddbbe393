package avmon.local.sfn.asl;

/** One state of a graph. Immutable: the per-run data lives in {@link StateRun}. */
abstract class State {

    /** What every state has: its name, type, query language, data flow and successor. */
    record Common(String name, String type, QueryLanguage language, DataFlow flow, String next) {
    }

    private final Common common;

    State(Common common) {
        this.common = common;
    }

    String name() {
        return common.name();
    }

    /** AWS's type name ({@code Pass}, {@code Task}...), the prefix of its history events. */
    String type() {
        return common.type();
    }

    QueryLanguage language() {
        return common.language();
    }

    DataFlow flow() {
        return common.flow();
    }

    /** The next state's name, {@code null} when the state ends its graph. */
    String next() {
        return common.next();
    }

    /** Whether the state writes a {@code <Type>StateExited} event (a Fail state does not). */
    boolean writesExited() {
        return true;
    }

    /** Whether the state can retry (Task, Map, Parallel): only these have {@code $$.State.RetryCount}. */
    boolean retries() {
        return false;
    }

    /**
     * Runs the state.
     *
     * @return its output and the next state's name
     * @throws StateError when the state fails and does not catch the error itself
     */
    abstract StateOutput execute(StateRun run) throws StateError, InterruptedException;
}
