package avmon.cli.sfn;

import avmon.cli.UserError;
import avmon.local.sfn.asl.AslParser;
import avmon.local.sfn.conformance.ConformanceCase;
import avmon.local.sfn.conformance.ConformanceReport;
import avmon.local.sfn.conformance.ConformanceRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avmon sfn conformance DIR}: runs the ASL conformance corpus (executions recorded on AWS) through
 * the local engine and reports pass rates per category and query language, with every failure's reason.
 */
@Command(name = "conformance",
        mixinStandardHelpOptions = true,
        description = "Run the ASL conformance corpus through the local engine and compare with AWS's recordings.")
public final class SfnConformanceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the corpus folder (holds index.json and cases/)")
    Path corpus;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the report as JSON to FILE")
    Path report;

    @Option(names = "--only", paramLabel = "NAME-GLOB", description = "run only the cases whose name matches")
    String only;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(corpus.resolve("index.json"))) {
            throw new UserError("not a conformance corpus (no index.json): " + corpus);
        }
        List<ConformanceCase> cases = ConformanceCase.loadAll(corpus);
        ConformanceReport result = new ConformanceRunner(new AslParser()).run(cases, only, r -> { });
        if (result.results().isEmpty()) {
            throw new UserError("no case matches --only " + only);
        }
        PrintWriter out = spec.commandLine().getOut();
        result.print(out);
        if (report != null) {
            result.writeJson(report);
            out.println("report written to " + report);
        }
        out.flush();
        return 0;
    }
}
