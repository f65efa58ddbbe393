package avmon.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every expected figure here was worked out by hand from the price book (prices.json). */
class CostModelTest {

    private static final double CENT_FRACTION = 1e-9;

    /** 5 transitions per stream-second, one PUT and one GET per frame at 25 fps. */
    private static final ServerlessUsage SERVERLESS =
            new ServerlessUsage(18_000, 0.5, 5_400, 900, 1_800, 90_000, 90_000, 0.001, 10);

    /** A tenth of a core and 100 MB per stream. */
    private static final MonolithUsage MONOLITH = new MonolithUsage(360, 100, 0, 0, 10);

    /** The defaults, with 25 pictures/s, 2 s segments and five detectors as the workload's settings. */
    static final Assumptions DEFAULTS = Assumptions.defaults(new MeasuredRun.Workload(1, 3600, 2, 25,
            List.of("freeze", "black", "silence", "av_sync", "decoder_errors"), 300, "160x90"));

    private final CostModel model = new CostModel(ReferenceBooks.defaults(), DEFAULTS);

    @Test
    void serverlessStandard_fiveTransitionsPerSecond_matchesHandArithmetic() {
        CostBreakdown cost = model.serverlessStandard(SERVERLESS);

        assertEquals(0.45, cost.components().get(CostModel.STEP_FUNCTIONS), CENT_FRACTION, "18,000 x $0.000025");
        assertEquals(0.00108 + 0.01500003, cost.components().get(CostModel.LAMBDA), CENT_FRACTION,
                "5,400 requests x $0.0000002 + 900 GB-s x $0.0000166667");
        assertEquals(0.45 + 0.036, cost.components().get(CostModel.S3_REQUESTS), CENT_FRACTION,
                "90,000 x $0.000005 + 90,000 x $0.0000004");
        assertEquals(0.000023, cost.components().get(CostModel.S3_STORAGE), CENT_FRACTION);
        assertEquals(0.000005, cost.components().get(CostModel.SNS), CENT_FRACTION);
        assertEquals(0.95210803, cost.perStreamHour(), CENT_FRACTION);
        assertEquals(0.95210803 * 1000 * 730, cost.perMonth(1000, 730), 1e-6);
    }

    @Test
    void serverlessExpress_wholeHourAt64Mb_replacesTransitionCharge() {
        CostBreakdown cost = model.serverlessExpress(SERVERLESS);

        assertEquals(12 * 0.000001 + 3600 * 0.0625 * 0.00001667,
                cost.components().get(CostModel.STEP_FUNCTIONS), CENT_FRACTION,
                "12 executions (one per 5 minutes at most, more than Standard's 0.5) x $1/M + 225 GB-s x $0.00001667");
        assertEquals(model.serverlessStandard(SERVERLESS).components().get(CostModel.LAMBDA),
                cost.components().get(CostModel.LAMBDA), "Lambda costs the same under either workflow type");
    }

    @Test
    void monolithFargate_cpuBound_sharesTaskPriceBySevenStreams() {
        assertEquals(7, model.streamsPerHost(MONOLITH, 1, 2),
                "0.7 x 3,600 / 360 = 7 by CPU, (2,048 - 300 MB baseline) / 100 = 17 by memory");

        CostBreakdown onDemand = model.monolithFargate(MONOLITH, false);
        assertEquals((0.04048 + 2 * 0.004445) / 7, onDemand.components().get(CostModel.COMPUTE), CENT_FRACTION);
        assertEquals(0.000005, onDemand.components().get(CostModel.SNS), CENT_FRACTION);
        assertEquals(3 * 0.04937 * 730 + 20 * 0.000005 * 730, onDemand.perMonth(20, 730), 1e-9,
                "20 streams need 3 tasks of 7, paid whole");

        CostBreakdown saved = model.monolithFargate(MONOLITH, true);
        assertEquals(0.04937 * 0.5 / 7, saved.components().get(CostModel.COMPUTE), CENT_FRACTION);
    }

    @Test
    void monolithEc2_withSavingsPlan_appliesDiscount() {
        assertEquals(0.17 / 28, model.monolithEc2(MONOLITH, false).components().get(CostModel.COMPUTE), CENT_FRACTION);
        assertEquals(0.17 * 0.34 / 28, model.monolithEc2(MONOLITH, true).components().get(CostModel.COMPUTE), CENT_FRACTION);
    }

    @Test
    void streamsPerHost_memoryBound_limitedByMemoryAndNeverZero() {
        assertEquals(3, model.streamsPerHost(new MonolithUsage(10, 500, 0, 0, 0), 1, 2),
                "(2,048 MB - 300 MB baseline) / 500 MB");
        assertEquals(1, model.streamsPerHost(new MonolithUsage(36_000, 100, 0, 0, 0), 1, 2),
                "a stream bigger than a task still gets a task");
    }

    @Test
    void serverless_transitionsBind_atQuotaOverTransitionsPerSecond() {
        List<ScaleLimit> limits = new ScaleModel(ReferenceBook.quotas()).serverlessStandard(SERVERLESS);

        ScaleLimit binding = limits.get(0);
        assertEquals("sfn.standard.transitions-per-second", binding.quota().id());
        assertEquals(300, binding.streams(), 1e-9, "1,500 / 5");
        assertEquals("lambda.concurrency", limits.get(1).quota().id());
        assertEquals(2000, limits.get(1).streams(), 1e-9, "1,000 / 0.5 busy environments per stream");
        assertTrue(limits.stream().filter(l -> l.quota().id().startsWith("s3."))
                .allMatch(l -> Double.isInfinite(l.streams())), "25 PUT/s per stream prefix never binds");
    }

    @Test
    void withOverrides_priceFile_replacesValueAndNamesSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"entries\":[{\"id\":\"sfn.standard.transition\",\"value\":0.00005}]}");

        ReferenceBook prices = ReferenceBook.prices().withOverrides(file);
        assertEquals(0.00005, prices.value("sfn.standard.transition"));
        assertEquals(file.toString(), prices.entry("sfn.standard.transition").source());
        assertEquals(0.9, new CostModel(new ReferenceBooks(prices, ReferenceBook.quotas()), DEFAULTS).serverlessStandard(SERVERLESS)
                .components().get(CostModel.STEP_FUNCTIONS), CENT_FRACTION);
    }

    @Test
    void withOverrides_unknownId_rejectedListingKnownIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "{\"entries\":[{\"id\":\"sfn.transition\",\"value\":1}]}");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReferenceBook.prices().withOverrides(file));
        assertTrue(e.getMessage().contains("sfn.standard.transition"), e.getMessage());
    }

    @Test
    void books_everyRow_hasDateAndSource() {
        for (ReferenceBook book : List.of(ReferenceBook.prices(), ReferenceBook.quotas())) {
            for (BookEntry e : book.entries()) {
                assertTrue(!e.date().isBlank() && !e.source().isBlank() && e.value() > 0, () -> "row " + e);
            }
        }
    }
}
