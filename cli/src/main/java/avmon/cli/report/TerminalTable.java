package avmon.cli.report;

import avmon.cli.model.Assumption;
import avmon.cli.model.CostBreakdown;
import avmon.cli.model.CostModel;
import avmon.cli.model.MeasuredRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The comparison as aligned plain-text tables for the terminal. */
final class TerminalTable {

    private static final List<String> COMPONENTS = List.of(CostModel.STEP_FUNCTIONS, CostModel.LAMBDA,
            CostModel.S3_REQUESTS, CostModel.S3_STORAGE, CostModel.SNS, CostModel.COMPUTE);

    private final ComparisonReport r;

    TerminalTable(ComparisonReport r) {
        this.r = r;
    }

    void print(PrintWriter out) {
        MeasuredRun.Workload w = r.run().workload();
        int n = r.assumptions().expectedStreams();
        out.printf(Locale.ROOT, "Measured: %d streams, %s s of stream time, %s pictures/s analysed, %s s segments, "
                        + "%d detectors (%s)%n", w.streams(), Figures.count(w.streamSeconds()),
                Figures.count(w.analysedFps()), Figures.count(w.segmentSeconds()), w.detectors().size(),
                String.join(", ", w.detectors()));
        out.println();
        out.printf(Locale.ROOT, "Cost in USD per stream-hour, by service, and per month at %s streams%n", Figures.count(n));
        out.printf(Locale.ROOT, "  %-38s %8s %8s %8s %8s %8s %8s %9s %12s%n", "design", "StepFn", "Lambda", "S3 req",
                "S3 store", "SNS", "Compute", "total", "per month");
        for (CostBreakdown c : r.costs()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-38s", c.design()));
            for (String k : COMPONENTS) {
                Double v = c.components().get(k);
                row.append(String.format(Locale.ROOT, " %8s", v == null ? "-" : Figures.usdHour(v)));
            }
            row.append(String.format(Locale.ROOT, " %9s %12s", Figures.usdHour(c.perStreamHour()),
                    Figures.usd(r.perMonth(c, n))));
            out.println(row);
            if (!c.note().isEmpty()) {
                out.println("  " + " ".repeat(4) + c.note());
            }
        }
        out.println();
        out.println("Scale under AWS's default quotas");
        for (DesignScale s : r.scale()) {
            out.printf(Locale.ROOT, "  %-38s %12s streams  %-42s %s%n", s.design(), Figures.count(s.ceiling()),
                    s.binding() == null ? "(no quota binds)" : "bound by " + s.binding().quota().id(),
                    Figures.shareOf(s.fractionOf(n), n));
        }
        out.println();
        out.println("Verdict on the case's claims");
        claim(out, 1, r.verdict().ceiling());
        claim(out, 2, r.verdict().cost());
        for (String warning : r.verdict().warnings()) {
            out.println("  WARNING: " + warning);
        }
        out.println();
        out.println("Assumptions (flags of avmon compare and avmon cost)");
        for (Assumption a : Assumption.values()) {
            double v = r.assumptions().value(a);
            double d = r.defaults().value(a);
            out.printf(Locale.ROOT, "  --%-22s %10s %-10s %s%n", a.flag(), Figures.count(v), a.unit(),
                    v == d ? "(default)" : "(default " + Figures.count(d) + ")");
        }
        List<Sensitivity.Sweep> sweeps = r.sensitivity().sweeps();
        out.printf(Locale.ROOT, "  most influential: %s; of the workload: %s (plotted in the HTML report)%n",
                String.join(", ", r.sensitivity().ranking().stream().limit(3)
                        .map(e -> "--" + e.assumption().flag()).toList()),
                String.join(", ", sweeps.stream().map(s -> "--" + s.assumption().flag()).toList()));
    }

    private static void claim(PrintWriter out, int i, Verdict.Claim c) {
        out.printf(Locale.ROOT, "  %d. \"%s\": %s%n", i, c.claim(), c.reproduced() ? "REPRODUCED" : "NOT REPRODUCED");
        out.println("     " + c.why());
    }
}
