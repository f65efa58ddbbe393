package avmon.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import avmon.cli.model.Assumption;
import avmon.cli.model.Assumptions;
import avmon.cli.model.CostBreakdown;
import avmon.cli.model.CostModel;
import avmon.cli.model.MeasuredRun;
import avmon.cli.model.ReferenceBooks;
import avmon.cli.model.SampleRuns;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The report on {@link SampleRuns#realistic()}: 660 transitions, 3,120 Tier 1 and 12,120 Tier 2 requests, 364
 * invocations and 45.05 GB-s over 1/30 of a stream-hour; the monolith 6 CPU s. Expected figures by hand.
 */
class ComparisonReportTest {

    private static final double EPS = 1e-9;
    private static final MeasuredRun RUN = SampleRuns.realistic();
    private static final Assumptions DEFAULTS = Assumptions.defaults(RUN);

    private static ComparisonReport report(MeasuredRun run, Assumptions a) {
        return ComparisonReport.of(run, ReferenceBooks.defaults(), a);
    }

    @Test
    void costs_standardByService_matchPriceBookByHand() {
        CostBreakdown standard = report(RUN, DEFAULTS).costs().get(0);
        Map<String, Double> c = standard.components();

        assertEquals(19_800 * 0.000025, c.get(CostModel.STEP_FUNCTIONS), EPS, "660 x 30 transitions at $0.025/1,000");
        assertEquals(10_920 * 0.0000002 + 1351.5 * 0.0000166667, c.get(CostModel.LAMBDA), EPS,
                "364 x 30 requests, 45.05 x 30 GB-s");
        assertEquals(93_600 * 0.000005 + 363_600 * 0.0000004, c.get(CostModel.S3_REQUESTS), EPS,
                "3,120 x 30 Tier 1, 12,120 x 30 Tier 2");
        assertEquals(3000.0 / 1024 / 30 * 0.023, c.get(CostModel.S3_STORAGE), EPS,
                "100 MB x 30 = 2.93 GB kept 1 day of 30");
        assertEquals(120 * 0.0000005, c.get(CostModel.SNS), EPS, "4 x 30 publishes");
    }

    @Test
    void costs_fargateAtExpectedLoad_paysWholeTasksByHand() {
        ComparisonReport r = report(RUN, DEFAULTS);
        CostBreakdown fargate = r.costs().get(2);

        assertEquals(14, fargate.streamsPerHost(), "180 CPU s per stream-hour: 0.7 x 3,600 / 180 = 14 per 1-vCPU task");
        assertEquals((0.04048 + 2 * 0.004445) / 14 + 120 * 0.0000005, fargate.perStreamHour(), EPS, "per stream-hour");
        assertEquals((143 * 0.04937 + 2000 * 120 * 0.0000005) * 730, r.perMonth(fargate, 2000), 1e-6,
                "2,000 streams need 143 tasks");
        assertEquals(0.17 * 0.34 / 56, r.costs().get(5).components().get(CostModel.COMPUTE), EPS,
                "EC2 with savings plan: 4 x 0.7 x 3,600 / 180 = 56 by CPU, (8,192 - 300) / 20 = 394 by memory");
    }

    @Test
    void scale_standard_transitionsBindAtQuotaOverDemand() {
        DesignScale standard = report(RUN, DEFAULTS).scale().get(0);

        assertEquals("sfn.standard.transitions-per-second", standard.binding().quota().id(), "binding quota");
        assertEquals(5.5, standard.binding().demand(), EPS, "19,800 transitions per stream-hour / 3,600");
        assertEquals(1500 / 5.5, standard.ceiling(), EPS, "1,500/s over 5.5/s per stream");
        assertEquals(1500 / 5.5 / 2000, standard.fractionOf(2000), EPS, "share of the expected 2,000");
    }

    @Test
    void scale_express_lambdaConcurrencyBinds() {
        DesignScale express = report(RUN, DEFAULTS).scale().get(1);

        assertEquals("lambda.concurrency", express.binding().quota().id(), "no transition quota under Express");
        assertEquals(1000 / (60.2 * 30 / 3600), express.ceiling(), 1e-6,
                "1,000 environments over 0.50 busy environments per stream");
    }

    @Test
    void verdict_expectedLoadTwentyTimesCeiling_reproducesCeilingClaim() {
        Verdict at2000 = report(RUN, DEFAULTS).verdict();
        Verdict at6000 = report(RUN, DEFAULTS.with(Assumption.EXPECTED_STREAMS, 6000)).verdict();

        assertFalse(at2000.ceiling().reproduced(), "273 streams is 13.6% of 2,000: more than 10%");
        assertTrue(at6000.ceiling().reproduced(), "273 streams is 4.5% of 6,000");
        assertTrue(at2000.ceiling().why().contains("5,455"), "says which load would give 5%: " + at2000.ceiling().why());
        assertTrue(at2000.ceiling().why().contains("from an expected load of 2,728"),
                "says from which load the claim holds: " + at2000.ceiling().why());
        assertTrue(at2000.ceiling().why().contains("Next to bind: Lambda concurrent executions per region, at 1,993"),
                "names the next quota: 1,000 / (1,806 busy s / 3,600): " + at2000.ceiling().why());
    }

    @Test
    void verdict_tenthOfTheTransitions_ceilingClaimNotReproduced() {
        Verdict v = report(SampleRuns.scaled(0.1, 1, List.of()), DEFAULTS.with(Assumption.EXPECTED_STREAMS, 6000))
                .verdict();

        assertFalse(v.ceiling().reproduced(), "2,727 streams is 45% of 6,000: " + v.ceiling().why());
    }

    @Test
    void verdict_cheapServerlessDearMonolith_costClaimFlips() {
        assertTrue(report(RUN, DEFAULTS).verdict().cost().reproduced(), "99.7% cheaper");

        Verdict flipped = report(SampleRuns.scaled(0.1, 20, List.of()), DEFAULTS).verdict();
        assertFalse(flipped.cost().reproduced(), "a whole vCPU per stream against a tenth of the requests: "
                + flipped.cost().why());
        assertTrue(flipped.cost().figure() < 0.9, "reduction " + flipped.cost().figure());
    }

    @Test
    void verdict_missedDefect_warns() {
        var missed = new MeasuredRun.DetectionCheck("serverless", "s1", List.of("freeze@2+3"), List.of("freeze@2+3"),
                List.of());
        Verdict v = report(SampleRuns.scaled(1, 1, List.of(missed)), DEFAULTS).verdict();

        assertEquals(1, v.warnings().size(), "one warning");
        assertTrue(v.warnings().get(0).contains("freeze@2+3"), v.warnings().get(0));
    }

    @Test
    void verdict_lambdaBinds_warnsThatLocalDurationsMayOverstateIt() {
        MeasuredRun slow = SampleRuns.realistic();
        var s = slow.serverless();
        var busy = new MeasuredRun.ServerlessCounts(s.executions(), s.billedTransitions(), s.historyTransitions(),
                s.s3Requests(), s.s3Tier1(), s.s3Tier2(), s.framesWritten(), s.audioWritten(), s.manifestsWritten(),
                s.bytesWritten(), s.lambdaInvocations(), s.lambdaColdStarts(), s.lambdaBilledMs() * 10,
                s.lambdaGbSeconds() * 10, java.util.Map.of(), s.snsMessages(), s.snsBilledRequests());
        ComparisonReport r = report(new MeasuredRun(slow.workload(), busy, slow.monolith(), List.of()), DEFAULTS);

        assertEquals("lambda.concurrency", r.scale().get(0).binding().quota().id(),
                "1,000 / (602 busy s / 120 s) = 199 streams, below the transitions' 273");
        assertTrue(r.verdict().warnings().stream().anyMatch(w -> w.contains("sfn.standard.transitions-per-second")),
                "names the quota that would bind next: " + r.verdict().warnings());
        assertTrue(report(RUN, DEFAULTS).verdict().warnings().isEmpty(), "no caveat when transitions bind");
    }

    @Test
    void verdict_expectedBeyondCeiling_costClaimSaysHowManyAccounts() {
        assertTrue(report(RUN, DEFAULTS).verdict().cost().why().contains("spread over 8 accounts"),
                "2,000 / 273 = 7.3, so 8: " + report(RUN, DEFAULTS).verdict().cost().why());
    }

    @Test
    void verdict_failedStream_warnsWithItsError() {
        var failed = new MeasuredRun.DetectionCheck("serverless", "s2", List.of(), List.of(), List.of(),
                "States.Timeout: no answer");
        Verdict v = report(SampleRuns.scaled(1, 1, List.of(failed)), DEFAULTS).verdict();

        assertEquals(1, v.warnings().size(), "one warning");
        assertTrue(v.warnings().get(0).contains("States.Timeout"), v.warnings().get(0));
    }

    @Test
    void sensitivity_realisticRun_segmentLengthAndDetectorsSwept() {
        Sensitivity s = report(RUN, DEFAULTS).sensitivity();

        assertEquals(2, s.sweeps().size(), "two sweeps");
        assertEquals(List.of(Assumption.SEGMENT_SECONDS, Assumption.DETECTORS),
                s.sweeps().stream().map(Sensitivity.Sweep::assumption).toList(),
                "1 s segments double transitions per second: the ceiling moves log10(2) = 0.30; ten detectors take "
                        + "16 transitions per segment instead of 11: log10(16/11) = 0.16; twice the pictures move the "
                        + "cost ratio from 315 to about 420: 0.13");
        assertTrue(s.ranking().get(0).magnitude() >= s.ranking().get(1).magnitude(), "ranked");
        assertEquals(0, s.ranking().stream().filter(e -> e.assumption() == Assumption.RETENTION_DAYS)
                .findFirst().orElseThrow().magnitude(), 0.01, "storage is a rounding error");
    }

    @Test
    void writeTo_html_selfContainedWellFormedWithCharts(@TempDir Path dir) throws Exception {
        Path html = report(RUN, DEFAULTS).writeTo(dir);
        String text = Files.readString(html);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(doc.getElementsByTagName("svg").getLength() >= 8,
                "architectures, breakdown, cost vs streams, transitions vs quota, two sweeps of two charts");
        for (String forbidden : List.of("<script", "<link", "src=", "href=", "@import", "url(http")) {
            assertFalse(text.contains(forbidden), "nothing fetched: " + forbidden);
        }
        assertTrue(text.contains("Step Functions Standard state transitions"), "names the binding quota");
        assertTrue(Files.isRegularFile(dir.resolve(ComparisonReport.JSON)), "report.json beside it");
    }

    @Test
    void printTable_realisticRun_showsDesignsVerdictAndAssumptions() {
        StringWriter out = new StringWriter();
        report(RUN, DEFAULTS).printTable(new PrintWriter(out));

        String text = out.toString();
        assertTrue(text.contains("serverless, Step Functions Standard"), text);
        assertTrue(text.contains("NOT REPRODUCED") && text.contains("REPRODUCED"), text);
        assertTrue(text.contains("--analysed-fps") && text.contains("(default)"), text);
    }

    @Test
    void of_noStreamTime_rejected() {
        MeasuredRun empty = new MeasuredRun(new MeasuredRun.Workload(0, 0, 2, 25, SampleRuns.DETECTORS, 300, "160x90"),
                RUN.serverless(), RUN.monolith(), List.of());

        assertThrows(IllegalArgumentException.class, () -> report(empty, DEFAULTS), "nothing to price");
    }
}
