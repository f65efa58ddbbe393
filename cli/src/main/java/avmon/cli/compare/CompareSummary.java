package avmon.cli.compare;

import avmon.cli.model.MeasuredRun;
import avmon.cli.model.MeasuredRun.DetectionCheck;
import avmon.cli.model.MeasuredRun.MonolithCounts;
import avmon.cli.model.MeasuredRun.ServerlessCounts;
import avmon.cli.model.MonolithUsage;
import avmon.cli.model.ServerlessUsage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison in the terminal: whether both designs found the injected defects (a banner when not), the
 * cross-checks between independent counts, what each design used, per run and per stream-hour, and how long it
 * took.
 */
final class CompareSummary {

    /** S3 objects are kept this long by the bucket's lifecycle rule when storage is priced per stream-hour. */
    static final double RETENTION_DAYS = 1;

    private final PrintWriter out;

    CompareSummary(PrintWriter out) {
        this.out = out;
    }

    void print(ComparisonResult result, PhaseTimes times) {
        MeasuredRun m = result.measured();
        List<String> problems = problems(result);
        banner(problems);
        detection(m);
        serverless(m.serverless(), result);
        monolith(m.monolith(), result.monolith().peakReset());
        perStreamHour(m);
        StringBuilder wall = new StringBuilder();
        times.phases().forEach((phase, s) -> wall.append(String.format(Locale.ROOT, "%s %.0f s, ", phase, s)));
        out.printf(Locale.ROOT, "Wall time: %stotal %.0f s%n", wall, times.total());
        banner(problems);
        out.flush();
    }

    /** What keeps this run from being a like-for-like comparison, one line each; empty when nothing does. */
    static List<String> problems(ComparisonResult result) {
        List<String> problems = new ArrayList<>();
        for (DetectionCheck c : result.measured().detection()) {
            if (c.failure() != null) {
                problems.add(c.design() + " could not run " + c.streamId() + ": " + c.failure());
            }
            if (!c.missed().isEmpty()) {
                problems.add(c.design() + " missed " + String.join(", ", c.missed()) + " in " + c.streamId());
            }
            if (!c.extra().isEmpty()) {
                problems.add(c.design() + " reported " + String.join(", ", c.extra()) + " in " + c.streamId()
                        + ", which was not injected");
            }
        }
        if (!result.designsDisagree().isEmpty()) {
            problems.add("the designs reported different defects on " + String.join(", ", result.designsDisagree()));
        }
        ServerlessCounts s = result.measured().serverless();
        if (s.billedTransitions() != s.historyTransitions()) {
            problems.add("billed transitions (" + s.billedTransitions() + ") differ from the histories ("
                    + s.historyTransitions() + ")");
        }
        long puts = s.s3Requests().getOrDefault("PutObject", 0L);
        long written = s.framesWritten() + s.audioWritten() + s.manifestsWritten();
        if (puts != written) {
            problems.add("S3 PUTs (" + puts + ") differ from what the converter wrote (" + written + ")");
        }
        return problems;
    }

    private void banner(List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String rule = "!".repeat(78);
        out.println(rule);
        out.println("!! NOT A CLEAN COMPARISON: the figures below are measured, but do not compare like with like");
        problems.forEach(p -> out.println("!! " + p));
        out.println(rule);
    }

    private void detection(MeasuredRun m) {
        out.printf(Locale.ROOT, "Detection: %d stream%s of %.0f s, detectors %s%n", m.workload().streams(),
                m.workload().streams() == 1 ? "" : "s", m.workload().streamSeconds() / Math.max(1, m.workload().streams()),
                String.join(", ", m.workload().detectors()));
        out.printf(Locale.ROOT, "  %-18s %-44s %-10s %s%n", "stream", "injected", "serverless", "monolith");
        Map<String, List<DetectionCheck>> byStream = new java.util.LinkedHashMap<>();
        m.detection().forEach(c -> byStream.computeIfAbsent(c.streamId(), k -> new ArrayList<>()).add(c));
        byStream.forEach((stream, checks) -> {
            DetectionCheck any = checks.get(0);
            out.printf(Locale.ROOT, "  %-18s %-44s %-10s %s%n", stream,
                    any.expected().isEmpty() ? "(clean)" : String.join(", ", any.expected()),
                    verdict(checks, "serverless"), verdict(checks, "monolith"));
        });
    }

    private static String verdict(List<DetectionCheck> checks, String design) {
        return checks.stream().filter(c -> c.design().equals(design)).findFirst()
                .map(c -> c.failure() != null ? "FAILED" : c.complete() ? "ok" : "MISMATCH").orElse("-");
    }

    private void serverless(ServerlessCounts s, ComparisonResult result) {
        long puts = s.s3Requests().getOrDefault("PutObject", 0L);
        long written = s.framesWritten() + s.audioWritten() + s.manifestsWritten();
        out.printf(Locale.ROOT, "Serverless (Step Functions + Lambda + S3 + SNS on the local cloud), %.0f s%n",
                result.serverless().wallSeconds());
        out.printf(Locale.ROOT, "  executions %,d; billed transitions %,d (histories %,d: %s)%n", s.executions(),
                s.billedTransitions(), s.historyTransitions(),
                s.billedTransitions() == s.historyTransitions() ? "agree" : "DIFFER");
        out.printf(Locale.ROOT, "  S3 PutObject %,d (converter wrote %,d frames + %,d audio + %,d manifests: %s)%n",
                puts, s.framesWritten(), s.audioWritten(), s.manifestsWritten(), puts == written ? "agree" : "DIFFER");
        s.s3Requests().forEach((op, n) -> {
            if (!op.equals("PutObject")) {
                out.printf(Locale.ROOT, "  S3 %-10s %,d%n", op, n);
            }
        });
        out.printf(Locale.ROOT, "  S3 tier 1 %,d, tier 2 %,d; %,.1f MB written%n", s.s3Tier1(), s.s3Tier2(),
                s.bytesWritten() / 1e6);
        s.perFunction().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.printf(Locale.ROOT,
                "  %-16s %,6d invocations %,4d cold %,10d billed ms %,10.1f GB-s (%d MB)%n", e.getKey(),
                e.getValue().invocations(), e.getValue().coldStarts(), e.getValue().billedMs(),
                e.getValue().gbSeconds(), e.getValue().memoryMb()));
        out.printf(Locale.ROOT, "  %-16s %,6d invocations %,4d cold %,10d billed ms %,10.1f GB-s%n", "Lambda total",
                s.lambdaInvocations(), s.lambdaColdStarts(), s.lambdaBilledMs(), s.lambdaGbSeconds());
        out.printf(Locale.ROOT, "  SNS %,d messages, %,d billed requests%n", s.snsMessages(), s.snsBilledRequests());
    }

    private void monolith(MonolithCounts m, boolean peakReset) {
        out.printf(Locale.ROOT, "Monolith (one process, %s), %.0f s%n",
                m.streams() == 1 ? "1 stream" : m.streams() + " streams at once", m.wallSeconds());
        out.printf(Locale.ROOT, "  CPU %.1f s; peak heap %.0f MB; peak resident %.0f MB%s%n", m.cpuSeconds(),
                m.peakHeapMb(), m.peakResidentMb(), peakReset ? "" : " (whole process: could not reset the peak)");
        out.printf(Locale.ROOT, "  S3 none (frames stay in memory); SNS %,d messages, %,d billed requests%n",
                m.snsMessages(), m.snsBilledRequests());
    }

    private void perStreamHour(MeasuredRun m) {
        ServerlessUsage s = m.serverlessPerStreamHour(RETENTION_DAYS);
        MonolithUsage mo = m.monolithPerStreamHour();
        out.printf(Locale.ROOT, "Per stream-hour (%.0f s of stream analysed by each design)%n", m.workload().streamSeconds());
        out.printf(Locale.ROOT, "  serverless: %,.0f transitions, %,.0f Lambda requests, %,.0f GB-s, %,.0f S3 tier 1,"
                + " %,.0f tier 2, %,.1f SNS%n", s.transitions(), s.lambdaRequests(), s.lambdaGbSeconds(), s.s3Tier1(),
                s.s3Tier2(), s.snsPublishes());
        out.printf(Locale.ROOT, "  monolith:   %,.0f CPU seconds (%.3f cores per stream), %.0f MB per stream, %,.1f SNS%n",
                mo.cpuSeconds(), mo.cpuSeconds() / 3600, mo.memoryMb(), mo.snsPublishes());
    }
}
