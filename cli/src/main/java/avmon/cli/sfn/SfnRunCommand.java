package avmon.cli.sfn;

import avmon.cli.CliErrors;
import avmon.cli.UserError;
import avmon.local.sfn.DefinitionParser;
import avmon.local.sfn.asl.AslParser;
import avmon.local.sfn.api.ExecutionDescription;
import avmon.local.sfn.api.ExecutionStatus;
import avmon.local.sfn.api.StateMachineType;
import avmon.local.sfn.api.StepFunctionsConfig;
import avmon.local.sfn.api.StepFunctionsException;
import avmon.local.sfn.api.StepFunctionsService;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code avmon sfn run}: one execution of a state machine on the in-process local Step Functions (no HTTP),
 * printing its status, output, error and billed transitions, and its history on request.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one execution of a state machine on the local Step Functions engine and prints its status, "
                    + "output and billed transitions. Exit code 0 when the execution succeeded, 1 when it did not.",
            "Lambda tasks fail as for a missing function: no functions are deployed here."})
public final class SfnRunCommand implements Callable<Integer> {

    private static final String ROLE_ARN = "arn:aws:iam::000000000000:role/avmon-sfn-run";
    /** A standard execution lasts at most a year on AWS. */
    private static final Duration LONGEST_EXECUTION = Duration.ofDays(366);

    @Spec
    CommandSpec spec;

    @Option(names = "--definition", required = true, paramLabel = "FILE", description = "The ASL definition (JSON).")
    Path definition;

    @Option(names = "--input", defaultValue = "{}", paramLabel = "FILE|JSON",
            description = "The execution input: a file, or JSON text (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--history", description = "Also print the execution history, one event (JSON) per line.")
    boolean history;

    @Option(names = "--express", description = "Run as an EXPRESS state machine (default STANDARD).")
    boolean express;

    @Option(names = "--name", defaultValue = "local-run", paramLabel = "NAME",
            description = "The state machine's name, as the context object shows it (default: ${DEFAULT-VALUE}).")
    String name;

    private final DefinitionParser parser;

    public SfnRunCommand() {
        this(new AslParser());
    }

    SfnRunCommand(DefinitionParser parser) {
        this.parser = parser;
    }

    @Override
    public Integer call() throws InterruptedException {
        String definitionText = read(definition, "definition");
        String inputText = inputText();
        try (StepFunctionsService service = new StepFunctionsService(parser, StepFunctionsConfig.defaults())) {
            String machine = service.createStateMachine(name, definitionText, ROLE_ARN,
                    express ? StateMachineType.EXPRESS : StateMachineType.STANDARD).arn();
            String execution = service.startExecution(machine, null, inputText).executionArn();
            ExecutionDescription done = service.awaitExecution(execution, LONGEST_EXECUTION);
            print(done);
            if (history) {
                PrintWriter out = spec.commandLine().getOut();
                service.history(execution).forEach(event -> out.println(event));
                out.flush();
            }
            return done.status() == ExecutionStatus.SUCCEEDED ? 0 : CliErrors.INPUT_FAILED;
        } catch (StepFunctionsException e) {
            throw new UserError(e.code() + ": " + e.getMessage());
        }
    }

    private void print(ExecutionDescription done) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("status: " + done.status());
        if (done.output() != null) {
            out.println("output: " + done.output());
        }
        if (done.error() != null) {
            out.println("error: " + done.error());
        }
        if (done.cause() != null) {
            out.println("cause: " + done.cause());
        }
        out.println("billed transitions: " + done.billedTransitions());
        out.flush();
    }

    /** The input option names a file when one exists at that path; otherwise it is the JSON itself. */
    private String inputText() {
        try {
            Path path = Path.of(input);
            if (Files.isRegularFile(path)) {
                return read(path, "input");
            }
        } catch (InvalidPathException e) {
            // not a path: JSON text
        }
        return input;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserError("cannot read the " + what + " file " + file + ": " + e);
        }
    }
}
