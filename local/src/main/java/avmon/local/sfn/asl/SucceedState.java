package avmon.local.sfn.asl;

/** Succeed: ends its graph successfully with its (filtered) input. */
final class SucceedState extends State {

    SucceedState(Common common) {
        super(common);
    }

    @Override
    StateOutput execute(StateRun run) throws StateError {
        return flow().output(run, flow().selectInput(run)).withNext(null);
    }
}
