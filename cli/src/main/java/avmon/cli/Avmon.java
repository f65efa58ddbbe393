package avmon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code avmon} command. Each verb is a class of its own in a package named after what it does;
 * this class only lists them.
 */
@Command(name = "avmon",
        mixinStandardHelpOptions = true,
        versionProvider = AvmonVersion.class,
        description = {
            "Audio/video stream monitor: freeze, black, silence, block corruption and A/V sync, "
                    + "built both as a serverless pipeline and as a monolith, and the comparison of the two."},
        subcommands = {
            CommandLine.HelpCommand.class,
            avmon.cli.sfn.SfnCommand.class,
            avmon.cli.detect.DetectCommand.class,
            avmon.cli.evaluate.EvaluateCommand.class,
            avmon.cli.clips.ClipsCommand.class,
            avmon.cli.bench.BenchCommand.class,
            avmon.cli.monitor.MonitorCommand.class,
            avmon.cli.generate.GenerateCommand.class,
            avmon.cli.monitor.MonitorBenchCommand.class,
            avmon.cli.serverless.ServerlessCommand.class,
            avmon.cli.cost.CostCommand.class,
            avmon.cli.compare.CompareCommand.class,
            avmon.cli.corruption.TrainCommand.class,
            avmon.cli.corruption.ModelBenchCommand.class,
        })
public final class Avmon implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Builds the command line with avmon's error handling; tests call this and read its writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Avmon());
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
