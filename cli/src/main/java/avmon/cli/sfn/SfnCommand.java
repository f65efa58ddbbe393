package avmon.cli.sfn;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code avmon sfn} verbs: the local Step Functions engine. Each subcommand is a class of its own. */
@Command(name = "sfn",
        mixinStandardHelpOptions = true,
        description = "The local Step Functions engine: run state machines, measure conformance with AWS.",
        subcommands = {
            SfnConformanceCommand.class,
            SfnRunCommand.class,
            SfnBenchCommand.class,
        })
public final class SfnCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
