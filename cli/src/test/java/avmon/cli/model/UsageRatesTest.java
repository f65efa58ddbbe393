package avmon.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The decomposition into rates, against the measured counts and against figures worked out by hand. */
class UsageRatesTest {

    private static final MeasuredRun RUN = SampleRuns.realistic();
    private static final Assumptions MEASURED = Assumptions.defaults(RUN);
    private static final UsageRates RATES = UsageRates.of(RUN, MEASURED.monolithBaselineMb());

    @Test
    void serverless_atMeasuredSettings_givesMeasuredUsage() {
        ServerlessUsage derived = RATES.serverless(MEASURED);
        ServerlessUsage measured = RUN.serverlessPerStreamHour(MEASURED.retentionDays());

        assertEquals(measured.transitions(), derived.transitions(), 1e-6, "transitions");
        assertEquals(1800 / 300.0, derived.executions(), 1e-9,
                "executions: a long stream's successors, one per 300 segments, not the short run's starts");
        assertEquals(measured.lambdaRequests(), derived.lambdaRequests(), 1e-6, "Lambda requests");
        assertEquals(measured.lambdaGbSeconds(), derived.lambdaGbSeconds(), 1e-6, "GB-seconds");
        assertEquals(measured.lambdaBusySeconds(), derived.lambdaBusySeconds(), 1e-6, "busy seconds");
        assertEquals(measured.s3Tier1(), derived.s3Tier1(), 1e-6, "tier 1");
        assertEquals(measured.s3Tier2(), derived.s3Tier2(), 1e-6, "tier 2");
        assertEquals(measured.s3GbMonths(), derived.s3GbMonths(), 1e-12, "GB-months");
        assertEquals(measured.snsPublishes(), derived.snsPublishes(), 1e-9, "SNS");
    }

    @Test
    void monolith_atMeasuredSettings_givesMeasuredCpuAndMemoryAboveBaseline() {
        MonolithUsage derived = RATES.monolith(MEASURED);

        assertEquals(RUN.monolithPerStreamHour().cpuSeconds(), derived.cpuSeconds(), 1e-9, "CPU s per stream-hour");
        assertEquals((340 - 300) / 2.0, derived.memoryMb(), 1e-9, "(340 MB resident - 300 MB baseline) / 2 streams");
    }

    @Test
    void rates_realisticRun_splitByHand() {
        assertEquals(1, RATES.transitionsPerDetectorRun(), "RunDetector, one per Map iteration");
        assertEquals(6, RATES.transitionsPerSegment(), 1e-12, "(660 - 300 detector runs) / 60 segments");
        assertEquals(1, RATES.tier1PerPicture(), 1e-12, "3,000 PUTs / 3,000 pictures");
        assertEquals(2, RATES.tier1PerSegment(), 1e-12, "(3,120 - 3,000) / 60: audio and manifest");
        assertEquals(1, RATES.tier2PerAudioRun(), 1e-12, "one audio buffer per audio detector run");
        assertEquals(1, RATES.tier2PerVideoPicture(), 1e-12,
                "(12,120 - 120 audio reads) / (3,000 pictures x 4 video detectors)");
        assertEquals(0.002, RATES.lambdaBusyPerDetectorPicture(), 1e-12, "30 s / (3,000 pictures x 5 detectors)");
    }

    @Test
    void serverless_twiceThePictures_doublesPictureRequestsOnly() {
        ServerlessUsage u = RATES.serverless(MEASURED.with(Assumption.ANALYSED_FPS, 50));

        assertEquals(19_800, u.transitions(), 1e-6, "transitions do not depend on pictures");
        assertEquals(180_000 + 2 * 1800, u.s3Tier1(), 1e-6, "one PUT per picture at 50/s, two per 2 s segment");
        assertEquals(1800 * 5 * 0.4 + 180_000 * 5 * 0.8, u.s3Tier2(), 1e-6,
                "an audio read per audio detector run, a GET per picture per video detector");
        assertEquals((30 + 0.2) / 120 * 3600 + 0.002 * 180_000 * 5, u.lambdaBusySeconds(), 1e-6,
                "converter and notifier per stream-second, detector per picture it reads");
    }

    @Test
    void serverless_fourSecondSegments_halvesTransitions() {
        ServerlessUsage u = RATES.serverless(MEASURED.with(Assumption.SEGMENT_SECONDS, 4));

        assertEquals(900 * 5 + 6 * 900, u.transitions(), 1e-6, "900 segments an hour, 5 detector runs and 6 more each");
        assertEquals(90_000 + 2 * 900, u.s3Tier1(), 1e-6, "pictures unchanged, half the audio and manifest PUTs");
    }

    @Test
    void serverless_tenDetectors_addsOneTransitionPerDetectorRun() {
        ServerlessUsage u = RATES.serverless(MEASURED.with(Assumption.DETECTORS, 10));

        assertEquals(1800 * 10 + 6 * 1800, u.transitions(), 1e-6, "1,800 segments x (10 + 6)");
    }

    @Test
    void serverless_halfTheConverterMemory_halvesItsGbSecondsKeepsDuration() {
        ServerlessUsage at512 = RATES.serverless(MEASURED.with(Assumption.CONVERTER_MEMORY_MB, 512));
        ServerlessUsage measured = RATES.serverless(MEASURED);

        assertEquals(measured.lambdaGbSeconds() - 30 * 30 / 2.0, at512.lambdaGbSeconds(), 1e-6,
                "the converter's 30 GB-s (x 30 for an hour) at half the memory");
        assertEquals(measured.lambdaBusySeconds(), at512.lambdaBusySeconds(), 1e-9, "duration kept as measured");
    }

    @Test
    void monolith_twiceThePictures_growsOnlyTheAnalysisShare() {
        MonolithUsage u = RATES.monolith(MEASURED.with(Assumption.ANALYSED_FPS, 50));

        assertEquals(180 * (0.9 + 0.1 * 2), u.cpuSeconds(), 1e-9, "decode 90% unchanged, analysis doubled");
    }
}
