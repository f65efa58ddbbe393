package avmon.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasuredRunTest {

    /** Two streams of 90 s: 180 s of stream time, one twentieth of a stream-hour. */
    private static final MeasuredRun.Workload WORKLOAD =
            new MeasuredRun.Workload(2, 180, 2, 5, List.of("freeze", "black"), 300, "160x90");

    private static MeasuredRun run(List<MeasuredRun.DetectionCheck> checks) {
        var serverless = new MeasuredRun.ServerlessCounts(4, 1000, 1000, Map.of("PutObject", 2000L), 2000, 5000,
                1800, 180, 20, 1024L * 1024 * 1024, 300, 6, 90_000, 45.0, Map.of(), 10, 12);
        var monolith = new MeasuredRun.MonolithCounts(2, 180, 36, 50, 400, 0, 0, 10, 10);
        return new MeasuredRun(WORKLOAD, serverless, monolith, checks);
    }

    @Test
    void serverlessPerStreamHour_countsOverOneTwentiethOfAnHour_scaledByTwenty() {
        ServerlessUsage u = run(List.of()).serverlessPerStreamHour(30);
        assertEquals(20_000, u.transitions(), 1e-9, "1,000 transitions in 1/20 stream-hour");
        assertEquals(80, u.executions(), 1e-9, "executions");
        assertEquals(6_000, u.lambdaRequests(), 1e-9, "invocations");
        assertEquals(900, u.lambdaGbSeconds(), 1e-9, "GB-seconds");
        assertEquals(1_800, u.lambdaBusySeconds(), 1e-9, "90 s billed x 20");
        assertEquals(40_000, u.s3Tier1(), 1e-9, "tier 1");
        assertEquals(100_000, u.s3Tier2(), 1e-9, "tier 2");
        assertEquals(20, u.s3GbMonths(), 1e-9, "1 GB written x 20, kept 30 days = one month");
        assertEquals(240, u.snsPublishes(), 1e-9, "billed SNS requests");
    }

    @Test
    void serverlessPerStreamHour_sevenDayRetention_storesSevenThirtiethsOfAMonth() {
        assertEquals(20 * 7 / 30.0, run(List.of()).serverlessPerStreamHour(7).s3GbMonths(), 1e-9, "GB-months");
    }

    @Test
    void monolithPerStreamHour_cpuByStreamTimeMemoryByStream() {
        MonolithUsage u = run(List.of()).monolithPerStreamHour();
        assertEquals(720, u.cpuSeconds(), 1e-9, "36 CPU s in 1/20 stream-hour");
        assertEquals(200, u.memoryMb(), 1e-9, "400 MB resident over 2 streams");
        assertEquals(200, u.snsPublishes(), 1e-9, "SNS");
    }

    @Test
    void bothFoundEverything_oneMissedDefect_false() {
        var missed = new MeasuredRun.DetectionCheck("serverless", "s1", List.of("freeze@2+3"), List.of("freeze@2+3"),
                List.of());
        var found = new MeasuredRun.DetectionCheck("monolith", "s1", List.of("freeze@2+3"), List.of(), List.of());
        assertFalse(run(List.of(missed, found)).bothFoundEverything(), "a missed defect must show");
    }

    @Test
    void bothFoundEverything_streamFailedInOneDesign_false() {
        var failed = new MeasuredRun.DetectionCheck("serverless", "s1", List.of(), List.of(), List.of(),
                "States.TaskFailed: segment 3 not found");
        var found = new MeasuredRun.DetectionCheck("monolith", "s1", List.of(), List.of(), List.of());
        assertFalse(run(List.of(failed, found)).bothFoundEverything(), "a stream a design could not run must show");
    }
}
