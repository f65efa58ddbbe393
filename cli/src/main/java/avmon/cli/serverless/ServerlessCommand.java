package avmon.cli.serverless;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code avmon serverless} verbs: the serverless design on a target. Each subcommand is a class of its own. */
@Command(name = "serverless",
        mixinStandardHelpOptions = true,
        description = "The serverless design: Step Functions, three Lambda functions, S3 and SNS.",
        subcommands = {
            ServerlessStartCommand.class,
        })
public final class ServerlessCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
