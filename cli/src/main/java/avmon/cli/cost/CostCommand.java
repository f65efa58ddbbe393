package avmon.cli.cost;

import avmon.cli.UserError;
import avmon.cli.model.Assumption;
import avmon.cli.model.Assumptions;
import avmon.cli.report.AssumptionOptions;
import avmon.cli.report.BookOptions;
import avmon.cli.report.ComparisonReport;
import avmon.cli.report.NotAReportException;
import avmon.cli.report.ReportJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code avmon cost --from report.json}: prices a measured run again, at other assumptions, books or stream
 * counts, without running anything. Flags not given keep the saved report's values.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Price a measured comparison again (its report.json) at other assumptions, without running it.")
public final class CostCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "REPORT", description = "report.json written by avmon compare.")
    Path from;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write report.html and report.json for the new figures here.")
    Path out;

    @Option(names = "--streams", paramLabel = "N",
            description = "Concurrent streams to price: the same as --expected-streams (default: the report's).")
    Integer streams;

    @Mixin
    AssumptionOptions assumptions;

    @Mixin
    BookOptions books;

    @Override
    public Integer call() throws Exception {
        ReportJson.Saved saved;
        try {
            saved = ReportJson.read(from);
        } catch (NotAReportException e) {
            throw new UserError(e.getMessage());
        }
        ComparisonReport report;
        try {
            report = ComparisonReport.of(saved.run(), books.applyTo(saved.books()),
                    withStreams(assumptions.applyTo(saved.assumptions())));
        } catch (IllegalArgumentException e) {
            throw new UserError(from + ": " + e.getMessage());
        }
        report.printTable(spec.commandLine().getOut());
        if (out != null) {
            Path html = report.writeTo(out);
            spec.commandLine().getErr().println("wrote " + html + " and " + out.resolve(ComparisonReport.JSON));
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private Assumptions withStreams(Assumptions a) {
        if (streams == null) {
            return a;
        }
        if (streams < 1) {
            throw new UserError("--streams must be a whole number above 0, was " + streams, 2);
        }
        return a.with(Assumption.EXPECTED_STREAMS, streams);
    }
}
