package avmon.cli.report;

import avmon.cli.model.Assumption;
import avmon.cli.model.BookEntry;
import avmon.cli.model.CostBreakdown;
import avmon.cli.model.MeasuredRun;
import avmon.cli.model.ReferenceBook;
import avmon.cli.model.ScaleLimit;
import avmon.cli.model.ServerlessUsage;
import avmon.cli.model.UsageRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched, well-formed
 * XML so any tool can read it. Sources of prices are printed as text, not links.
 */
final class HtmlReport {

    private static final int[] STREAM_COUNTS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
        20_000, 50_000, 100_000};
    private static final double SECONDS_PER_HOUR = 3600;

    private final ComparisonReport r;
    private final StringBuilder html = new StringBuilder();

    HtmlReport(ComparisonReport r) {
        this.r = r;
    }

    String render() {
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>avmon: serverless vs monolith</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;")
                .append("padding:3px 8px;text-align:right}th{background:#f0f0f0}td.l,th.l{text-align:left}\n")
                .append(".yes{border-left:6px solid #009E73;padding-left:1em}.no{border-left:6px solid #D55E00;")
                .append("padding-left:1em}.warn{color:#a00;font-weight:bold}svg{display:block;margin:1em 0}\n")
                .append("</style>\n</head>\n<body>\n");
        header();
        verdict();
        architectures();
        measured();
        costs();
        scale();
        sensitivity();
        assumptions();
        books();
        return html.append("</body>\n</html>\n").toString();
    }

    private void header() {
        MeasuredRun.Workload w = r.run().workload();
        h(1, "Serverless pipeline vs monolith: cost and scale, measured");
        p(String.format(Locale.ROOT, "The same %d streams (%s s of stream time, %s pictures analysed per second, %s s "
                        + "segments, detectors: %s, analysed at %s) ran through both designs. Every figure below is "
                        + "derived from those counts, the price and quota books at the end, and the assumptions listed "
                        + "with their defaults.", w.streams(), Figures.count(w.streamSeconds()),
                Figures.count(w.analysedFps()), Figures.count(w.segmentSeconds()), String.join(", ", w.detectors()),
                w.thumbnail()));
    }

    private void verdict() {
        h(2, "Verdict on the case's two claims");
        claim(r.verdict().ceiling());
        claim(r.verdict().cost());
        for (String warning : r.verdict().warnings()) {
            html.append("<p class=\"warn\">Warning: ").append(esc(warning)).append("</p>\n");
        }
    }

    private void claim(Verdict.Claim c) {
        html.append("<div class=\"").append(c.reproduced() ? "yes" : "no").append("\"><p><b>\u201c")
                .append(esc(c.claim())).append("\u201d: ").append(c.reproduced() ? "reproduced" : "not reproduced")
                .append(".</b></p><p>").append(esc(c.why())).append("</p></div>\n");
    }

    private void architectures() {
        h(2, "The two architectures");
        html.append(ArchitectureDiagram.serverless(r.assumptions().detectors()));
        html.append(ArchitectureDiagram.monolith());
    }

    private void measured() {
        h(2, "Measured counts");
        MeasuredRun.ServerlessCounts s = r.run().serverless();
        MeasuredRun.MonolithCounts m = r.run().monolith();
        table(List.of("serverless", "count"), List.of(
                row("executions", s.executions()),
                row("billed state transitions", s.billedTransitions()),
                row("transitions in the histories", s.historyTransitions()),
                row("S3 Tier 1 requests (billable)", s.s3Tier1()),
                row("S3 Tier 2 requests (billable)", s.s3Tier2()),
                row("pictures stored", s.framesWritten()),
                row("audio buffers stored", s.audioWritten()),
                row("manifests stored", s.manifestsWritten()),
                row("bytes stored", s.bytesWritten()),
                row("Lambda invocations", s.lambdaInvocations()),
                row("Lambda cold starts", s.lambdaColdStarts()),
                row("Lambda billed ms", s.lambdaBilledMs()),
                row("Lambda GB-seconds", s.lambdaGbSeconds()),
                row("SNS messages", s.snsMessages()),
                row("SNS billed requests", s.snsBilledRequests())));
        if (!s.s3Requests().isEmpty()) {
            List<List<String>> ops = new ArrayList<>();
            s.s3Requests().forEach((op, n) -> ops.add(row(op, n)));
            table(List.of("S3 operation", "calls"), ops);
        }
        if (!s.perFunction().isEmpty()) {
            List<List<String>> fns = new ArrayList<>();
            s.perFunction().forEach((name, f) -> fns.add(List.of(name, Figures.count(f.invocations()),
                    Figures.count(f.coldStarts()), Figures.count(f.billedMs()), Figures.count(f.gbSeconds()),
                    Figures.count(f.memoryMb()))));
            table(List.of("function", "invocations", "cold starts", "billed ms", "GB-s", "memory MB"), fns);
        }
        table(List.of("monolith", "count"), List.of(
                row("streams at once", m.streams()),
                row("wall seconds", m.wallSeconds()),
                row("CPU seconds", m.cpuSeconds()),
                row("peak heap MB", m.peakHeapMb()),
                row("peak resident MB", m.peakResidentMb()),
                row("S3 Tier 1 requests", m.s3Tier1()),
                row("S3 Tier 2 requests", m.s3Tier2()),
                row("SNS billed requests", m.snsBilledRequests())));
        List<List<String>> checks = new ArrayList<>();
        for (MeasuredRun.DetectionCheck c : r.run().detection()) {
            checks.add(List.of(c.design(), c.streamId(), String.join(", ", c.expected()), String.join(", ", c.missed()),
                    String.join(", ", c.extra()), c.failure() == null ? (c.complete() ? "ok" : "") : c.failure()));
        }
        if (!checks.isEmpty()) {
            table(List.of("design", "stream", "injected", "missed", "extra", "outcome"), checks);
        }
        h(3, "Usage per stream-hour at the assumptions");
        ServerlessUsage u = r.serverlessUsage();
        table(List.of("serverless, per stream-hour", "usage"), List.of(
                row("state transitions", u.transitions()), row("executions", u.executions()),
                row("Lambda requests", u.lambdaRequests()), row("Lambda GB-seconds", u.lambdaGbSeconds()),
                row("Lambda busy seconds", u.lambdaBusySeconds()), row("S3 Tier 1", u.s3Tier1()),
                row("S3 Tier 2", u.s3Tier2()), row("S3 GB-months", u.s3GbMonths()), row("SNS", u.snsPublishes())));
        table(List.of("monolith, per stream-hour", "usage"), List.of(
                row("CPU seconds", r.monolithUsage().cpuSeconds()),
                row("MB per stream above the baseline", r.monolithUsage().memoryMb()),
                row("S3 Tier 1", r.monolithUsage().s3Tier1()), row("S3 Tier 2", r.monolithUsage().s3Tier2()),
                row("SNS", r.monolithUsage().snsPublishes())));
        UsageRates k = r.rates();
        p("How usage is derived again at other settings: each count is divided by the unit of work that causes it "
                + "(see UsageRates). At the measured settings this gives back the measured counts.");
        table(List.of("rate", "value"), List.of(
                row("transitions per detector run (workflow structure)", k.transitionsPerDetectorRun()),
                row("other transitions per segment", k.transitionsPerSegment()),
                row("executions per segment", k.executionsPerSegment()),
                row("S3 Tier 1 per analysed picture", k.tier1PerPicture()),
                row("other S3 Tier 1 per segment", k.tier1PerSegment()),
                row("S3 Tier 2 per picture a video detector reads", k.tier2PerVideoPicture()),
                row("S3 Tier 2 per audio detector run", k.tier2PerAudioRun()),
                row("converter billed s per stream-second", k.converterBusyPerSecond()),
                row("detector billed s per picture per detector", k.lambdaBusyPerDetectorPicture()),
                row("other functions' billed s per stream-second", k.otherBusyPerSecond()),
                row("monolith CPU s per stream-second", k.monolithCpuPerSecond())));
    }

    private void costs() {
        int n = r.assumptions().expectedStreams();
        h(2, "Cost");
        List<String> components = new ArrayList<>();
        r.costs().forEach(c -> c.components().keySet().forEach(k -> {
            if (!components.contains(k)) {
                components.add(k);
            }
        }));
        List<String> head = new ArrayList<>(List.of("design"));
        components.forEach(c -> head.add(c + " /stream-h"));
        head.addAll(List.of("total /stream-h", "per month at " + Figures.count(n), "sizing"));
        List<List<String>> rows = new ArrayList<>();
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (CostBreakdown c : r.costs()) {
            List<String> row = new ArrayList<>(List.of(c.design()));
            components.forEach(k -> row.add(c.components().containsKey(k) ? Figures.usd(c.components().get(k)) : "-"));
            row.addAll(List.of(Figures.usd(c.perStreamHour()), Figures.usd(r.perMonth(c, n)), c.note()));
            rows.add(row);
            bars.add(new SvgChart.Bar(shortName(c.design()), new ArrayList<>(c.components().keySet()),
                    new ArrayList<>(c.components().values())));
        }
        table(head, rows);
        html.append(SvgChart.stackedBars("Cost per stream-hour by service", "USD per stream-hour", bars));
        List<SvgChart.Series> series = new ArrayList<>();
        for (CostBreakdown c : r.costs()) {
            double ceiling = r.scale().stream().filter(d -> d.design().equals(c.design())).findFirst()
                    .map(DesignScale::ceiling).orElse(Double.POSITIVE_INFINITY);
            List<double[]> points = new ArrayList<>();
            for (int streams : STREAM_COUNTS) {
                if (streams <= ceiling) {
                    points.add(new double[] {streams, r.perMonth(c, streams)});
                }
            }
            series.add(new SvgChart.Series(shortName(c.design()), points));
        }
        html.append(SvgChart.lines("Cost per month versus concurrent streams", "concurrent streams", "USD per month",
                series, List.of(), true, true));
        p("The serverless lines stop at their ceilings (Standard " + Figures.count(r.scale().get(0).ceiling())
                + " streams, Express " + Figures.count(r.scale().get(1).ceiling()) + "): beyond them a quota throttles "
                + "the account. The monolith's lines step where a task or instance is added.");
    }

    private void scale() {
        int n = r.assumptions().expectedStreams();
        h(2, "Scale under AWS's default quotas");
        List<List<String>> rows = new ArrayList<>();
        for (DesignScale s : r.scale()) {
            for (ScaleLimit l : s.limits()) {
                rows.add(List.of(s.design(), l.quota().id(), Figures.count(l.quota().value()) + " " + l.quota().unit(),
                        Figures.count(l.demand()), Figures.count(l.streams()),
                        l == s.limits().get(0) ? Figures.percent(s.fractionOf(n)) : ""));
            }
        }
        table(List.of("design", "quota", "quota value", "one stream asks", "streams it allows", "share of "
                + Figures.count(n) + " expected"), rows);
        p("S3's request rates are per prefix and each stream writes under its own prefix, so they bind only if a "
                + "single stream exceeds them. Lambda concurrency is taken as the average number of busy execution "
                + "environments per stream, from the billed durations measured on the local Lambda host, where the "
                + "functions share this machine's cores: on a busy machine they run longer than on AWS, which "
                + "overstates both Lambda's cost and its concurrency demand.");
        double perStream = r.serverlessUsage().transitions() / SECONDS_PER_HOUR;
        List<double[]> points = new ArrayList<>();
        for (int streams : STREAM_COUNTS) {
            points.add(new double[] {streams, perStream * streams});
        }
        double quota = r.books().quotas().value("sfn.standard.transitions-per-second");
        html.append(SvgChart.lines("State transitions per second versus concurrent streams", "concurrent streams",
                "transitions per second", List.of(new SvgChart.Series("serverless, Standard", points)),
                List.of(new SvgChart.Reference("quota " + Figures.count(quota) + "/s", quota)), true, true));
    }

    private void sensitivity() {
        h(2, "How the answer moves with the assumptions");
        List<List<String>> rows = new ArrayList<>();
        for (Sensitivity.Effect e : r.sensitivity().ranking()) {
            rows.add(List.of("--" + e.assumption().flag(), Figures.count(e.half().value()) + " / "
                    + Figures.count(e.twice().value()), Figures.count(e.half().costRatio()) + " / "
                    + Figures.count(e.twice().costRatio()), Figures.count(e.half().ceiling()) + " / "
                    + Figures.count(e.twice().ceiling()), String.format(Locale.ROOT, "%.3f", e.magnitude())));
        }
        p("Each assumption halved and doubled; ranked by how far that moves the serverless-to-monolith cost ratio or "
                + "the serverless ceiling, in orders of magnitude. At the assumptions used the ratio is "
                + Figures.count(r.costs().get(0).perStreamHour() / r.costs().get(2).perStreamHour())
                + " and the ceiling " + Figures.count(r.scale().get(0).ceiling()) + " streams.");
        table(List.of("assumption", "half / twice", "cost ratio", "ceiling", "log10 move"), rows);
        p("The expected load is not ranked: the ceiling's share of it is simply inversely proportional to it. "
                + "Sizing assumptions (target CPU, task size, baseline memory) only scale the monolith's cost in "
                + "proportion, as the table shows; the two workload assumptions that move the figures most are "
                + "plotted below, because they change what both designs use and the serverless ceiling.");
        for (Sensitivity.Sweep s : r.sensitivity().sweeps()) {
            Sensitivity.Effect e = r.sensitivity().ranking().stream()
                    .filter(x -> x.assumption() == s.assumption()).findFirst().orElseThrow();
            p(String.format(Locale.ROOT, "--%s: at %s the cost ratio is %s and the ceiling %s streams; at %s, %s and %s "
                            + "(now %s, %s and %s).", e.assumption().flag(), Figures.count(e.half().value()),
                    Figures.count(e.half().costRatio()), Figures.count(e.half().ceiling()),
                    Figures.count(e.twice().value()), Figures.count(e.twice().costRatio()),
                    Figures.count(e.twice().ceiling()), Figures.count(r.assumptions().value(e.assumption())),
                    Figures.count(r.costs().get(0).perStreamHour() / r.costs().get(2).perStreamHour()),
                    Figures.count(r.scale().get(0).ceiling())));
        }
        int expected = r.assumptions().expectedStreams();
        for (Sensitivity.Sweep s : r.sensitivity().sweeps()) {
            Assumption a = s.assumption();
            String x = a.meaning() + " (" + a.unit() + ")";
            List<double[]> standard = new ArrayList<>();
            List<double[]> express = new ArrayList<>();
            List<double[]> monolith = new ArrayList<>();
            List<double[]> ceiling = new ArrayList<>();
            for (Sensitivity.Point pt : s.points()) {
                standard.add(new double[] {pt.value(), pt.serverlessPerStreamHour()});
                express.add(new double[] {pt.value(), pt.expressPerStreamHour()});
                monolith.add(new double[] {pt.value(), pt.monolithPerStreamHour()});
                ceiling.add(new double[] {pt.value(), pt.ceiling()});
            }
            h(3, "--" + a.flag());
            html.append(SvgChart.lines("Cost per stream-hour versus --" + a.flag(), x, "USD per stream-hour",
                    List.of(new SvgChart.Series(shortName(r.costs().get(0).design()), standard),
                            new SvgChart.Series(shortName(r.costs().get(1).design()), express),
                            new SvgChart.Series(shortName(r.costs().get(2).design()), monolith)), List.of(), false, true));
            html.append(SvgChart.lines("Serverless (Standard) ceiling versus --" + a.flag(), x, "concurrent streams",
                    List.of(new SvgChart.Series("ceiling", ceiling)),
                    List.of(new SvgChart.Reference("expected " + Figures.count(expected), expected),
                            new SvgChart.Reference(Figures.percent(Verdict.SMALL_FRACTION) + " of it (claim 1)",
                                    expected * Verdict.SMALL_FRACTION)), false, true));
        }
    }

    private void assumptions() {
        h(2, "Assumptions");
        p("What the case did not publish. Each is a flag of avmon compare and avmon cost.");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Assumption, Double> e : r.assumptions().values().entrySet()) {
            Assumption a = e.getKey();
            rows.add(List.of("--" + a.flag(), Figures.count(e.getValue()), Figures.count(r.defaults().value(a)),
                    a.unit(), a.meaning(), a.basis()));
        }
        table(List.of("flag", "value", "default", "unit", "meaning", "why the default"), rows);
    }

    private void books() {
        for (ReferenceBook b : List.of(r.books().prices(), r.books().quotas())) {
            h(2, b.name());
            List<List<String>> rows = new ArrayList<>();
            for (BookEntry e : b.entries()) {
                rows.add(List.of(e.id(), e.item(), String.format(Locale.ROOT, "%.10g", e.value()).replaceAll("\\.?0+$", ""),
                        e.unit(), e.date(), e.source()));
            }
            table(List.of("id", "item", "value", "unit", "date", "source"), rows);
        }
    }

    /** A design's name short enough for a chart's legend or bar label. */
    static String shortName(String design) {
        return design.replace("serverless, Step Functions ", "SFN ").replace("monolith, ", "")
                .replace(" with savings plan", " + savings plan");
    }

    private static List<String> row(String label, double value) {
        return List.of(label, Figures.count(value));
    }

    private void table(List<String> head, List<List<String>> rows) {
        html.append("<table>\n<tr>");
        for (int i = 0; i < head.size(); i++) {
            html.append(i == 0 ? "<th class=\"l\">" : "<th>").append(esc(head.get(i))).append("</th>");
        }
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i > 0 && numeric(row.get(i)) ? "<td>" : "<td class=\"l\">").append(esc(row.get(i)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** Figures line up on the right; words on the left. */
    private static boolean numeric(String cell) {
        return cell.matches("[-$0-9.,%/ ]+( times)?") || cell.equals("unlimited");
    }

    private void h(int level, String s) {
        html.append("<h").append(level).append('>').append(esc(s)).append("</h").append(level).append(">\n");
    }

    private void p(String s) {
        html.append("<p>").append(esc(s)).append("</p>\n");
    }

    private static String esc(String s) {
        return SvgChart.escape(s);
    }
}
