package avmon.cli.report;

import avmon.cli.model.Assumptions;
import avmon.cli.model.CostBreakdown;
import avmon.cli.model.CostModel;
import avmon.cli.model.MeasuredRun;
import avmon.cli.model.MonolithUsage;
import avmon.cli.model.ReferenceBooks;
import avmon.cli.model.ScaleModel;
import avmon.cli.model.ServerlessUsage;
import avmon.cli.model.UsageRates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to the case from one measured run: what each design costs per stream-hour and per month at the
 * expected load, by service; how many concurrent streams each sustains under the default quotas and which
 * quota binds; whether the case's two claims hold, and how the answer moves with the assumptions. Built by
 * {@link #of}; shown by {@link #printTable} and written by {@link #writeTo} ({@code report.html},
 * {@code report.json}).
 */
public final class ComparisonReport {

    /** The HTML report's file name in the output folder. */
    public static final String HTML = "report.html";
    /** The JSON report's file name in the output folder. */
    public static final String JSON = "report.json";

    private static final double SECONDS_PER_HOUR = 3600;

    private final MeasuredRun run;
    private final ReferenceBooks books;
    private final Assumptions assumptions;
    private final Assumptions defaults;
    private final UsageRates rates;
    private final ServerlessUsage serverless;
    private final MonolithUsage monolith;
    private final List<CostBreakdown> costs;
    private final List<DesignScale> scale;
    private final Verdict verdict;
    private final Sensitivity sensitivity;

    private ComparisonReport(MeasuredRun run, ReferenceBooks books, Assumptions assumptions) {
        this.run = run;
        this.books = books;
        this.assumptions = assumptions;
        this.defaults = Assumptions.defaults(run);
        this.rates = UsageRates.of(run, assumptions.monolithBaselineMb());
        DesignFigures f = figures(rates, books, assumptions);
        this.serverless = f.serverless;
        this.monolith = f.monolith;
        this.costs = f.costs;
        this.scale = f.scale;
        this.verdict = Verdict.judge(costs.get(0), scale.get(0), serverless.transitions() / SECONDS_PER_HOUR,
                costs.subList(2, costs.size()), assumptions.expectedStreams(), assumptions.hoursPerMonth(),
                warnings(run));
        this.sensitivity = Sensitivity.of(assumptions, a -> point(figures(rates, books, a)));
    }

    /**
     * The comparison of a measured run at the given assumptions.
     *
     * @throws IllegalArgumentException when the run cannot be priced (no stream time, no streams)
     */
    public static ComparisonReport of(MeasuredRun run, ReferenceBooks books, Assumptions assumptions) {
        MeasuredRun.Workload w = run.workload();
        if (!(w.streamSeconds() > 0) || w.streams() < 1 || !(w.segmentSeconds() > 0) || !(w.analysedFps() > 0)
                || w.detectors().isEmpty() || run.monolith().streams() < 1) {
            throw new IllegalArgumentException("the measured run has no work to price: " + w.streams() + " streams, "
                    + w.streamSeconds() + " s of stream time, " + w.segmentSeconds() + " s segments, "
                    + w.analysedFps() + " pictures/s, " + w.detectors().size() + " detectors, "
                    + run.monolith().streams() + " monolith streams");
        }
        return new ComparisonReport(run, books, assumptions);
    }

    /** The usage, costs and limits at one set of assumptions. */
    private record DesignFigures(ServerlessUsage serverless, MonolithUsage monolith, List<CostBreakdown> costs,
                            List<DesignScale> scale) {
    }

    private static DesignFigures figures(UsageRates rates, ReferenceBooks books, Assumptions a) {
        ServerlessUsage s = rates.serverless(a);
        MonolithUsage m = rates.monolith(a);
        CostModel model = new CostModel(books, a);
        List<CostBreakdown> costs = List.of(model.serverlessStandard(s), model.serverlessExpress(s),
                model.monolithFargate(m, false), model.monolithFargate(m, true), model.monolithEc2(m, false),
                model.monolithEc2(m, true));
        ScaleModel scaleModel = new ScaleModel(books.quotas());
        List<DesignScale> scale = List.of(new DesignScale(costs.get(0).design(), scaleModel.serverlessStandard(s)),
                new DesignScale(costs.get(1).design(), scaleModel.serverlessExpress(s)),
                new DesignScale("monolith", scaleModel.monolith(m)));
        return new DesignFigures(s, m, costs, scale);
    }

    private static Sensitivity.Point point(DesignFigures f) {
        return new Sensitivity.Point(0, f.costs.get(0).perStreamHour(), f.costs.get(1).perStreamHour(),
                f.costs.get(2).perStreamHour(), f.scale.get(0).ceiling(), f.serverless.transitions() / SECONDS_PER_HOUR);
    }

    private static List<String> warnings(MeasuredRun run) {
        List<String> warnings = new ArrayList<>();
        for (MeasuredRun.DetectionCheck c : run.detection()) {
            if (!c.complete()) {
                warnings.add(c.design() + " on " + c.streamId() + ": "
                        + (c.failure() == null ? "" : "failed (" + c.failure() + "), ")
                        + "missed " + c.missed() + ", extra " + c.extra()
                        + ". The designs did not do the same work, so their figures do not compare like with like.");
            }
        }
        MeasuredRun.ServerlessCounts s = run.serverless();
        if (s.billedTransitions() != s.historyTransitions()) {
            warnings.add("billed transitions (" + s.billedTransitions() + ") differ from the histories' count ("
                    + s.historyTransitions() + ")");
        }
        return warnings;
    }

    /** Prints the comparison as aligned tables (for the terminal). */
    public void printTable(PrintWriter out) {
        new TerminalTable(this).print(out);
        out.flush();
    }

    /**
     * Writes {@value #HTML} and {@value #JSON} into {@code outDir}, creating it.
     *
     * @return the HTML report's path
     */
    public Path writeTo(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(JSON), ReportJson.write(this), StandardCharsets.UTF_8);
        Path html = outDir.resolve(HTML);
        Files.writeString(html, new HtmlReport(this).render(), StandardCharsets.UTF_8);
        return html;
    }

    /** Monthly cost of a design at a number of streams. */
    public double perMonth(CostBreakdown design, int streams) {
        return design.perMonth(streams, assumptions.hoursPerMonth());
    }

    public MeasuredRun run() {
        return run;
    }

    public ReferenceBooks books() {
        return books;
    }

    public Assumptions assumptions() {
        return assumptions;
    }

    /** The defaults for this run, to show next to the values used. */
    public Assumptions defaults() {
        return defaults;
    }

    public UsageRates rates() {
        return rates;
    }

    /** The serverless design's usage per stream-hour at the assumptions. */
    public ServerlessUsage serverlessUsage() {
        return serverless;
    }

    /** The monolith's usage per stream-hour at the assumptions. */
    public MonolithUsage monolithUsage() {
        return monolith;
    }

    /**
     * Each design's cost per stream-hour: Standard, Express, Fargate, Fargate with a savings plan, EC2, EC2
     * with a savings plan.
     */
    public List<CostBreakdown> costs() {
        return costs;
    }

    /** Scale of the serverless design (Standard, Express) and of the monolith. */
    public List<DesignScale> scale() {
        return scale;
    }

    public Verdict verdict() {
        return verdict;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }
}
