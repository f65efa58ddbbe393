package avmon.cli.report;

import avmon.cli.UserError;
import avmon.cli.model.Assumption;
import avmon.cli.model.Assumptions;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The assumption flags shared by {@code avmon compare} and {@code avmon cost} (a picocli mixin). A flag not
 * given keeps the base value: the defaults for a new run, the saved report's value when pricing again.
 * ({@code --expected-streams} is the load priced; {@code avmon compare --streams} is how many it runs.)
 */
public final class AssumptionOptions {

    @Option(names = "--expected-streams", paramLabel = "N",
            description = "Expected load: concurrent streams to monitor (default 2000: the case's \"thousands\", at its low end).")
    Integer streams;

    @Option(names = "--analysed-fps", paramLabel = "FPS",
            description = "Pictures analysed per second of stream (default: as measured).")
    Double analysedFps;

    @Option(names = "--segment-seconds", paramLabel = "S",
            description = "Length of one HLS segment, the serverless unit of work (default: as measured).")
    Double segmentSeconds;

    @Option(names = "--detector-count", paramLabel = "N",
            description = "Detectors run on every segment (default: as measured).")
    Integer detectors;

    @Option(names = "--converter-memory-mb", paramLabel = "MB",
            description = "Memory of the converter function, billed duration kept (default: as measured).")
    Integer converterMemoryMb;

    @Option(names = "--detector-memory-mb", paramLabel = "MB",
            description = "Memory of the detector function, billed duration kept (default: as measured).")
    Integer detectorMemoryMb;

    @Option(names = "--retention-days", paramLabel = "DAYS",
            description = "Days frames stay in S3 (default 1: the shortest lifecycle expiration).")
    Double retentionDays;

    @Option(names = "--express-memory-mb", paramLabel = "MB",
            description = "Memory an Express execution is billed for (default 64).")
    Double expressMemoryMb;

    @Option(names = "--fargate-vcpu", paramLabel = "VCPU", description = "vCPUs of one monolith Fargate task (default 1).")
    Double fargateVcpu;

    @Option(names = "--fargate-memory-gb", paramLabel = "GB", description = "Memory of one Fargate task (default 2).")
    Double fargateMemoryGb;

    @Option(names = "--ec2-vcpu", paramLabel = "VCPU", description = "vCPUs of the priced EC2 instance (default 4, c5.xlarge).")
    Double ec2Vcpu;

    @Option(names = "--ec2-memory-gb", paramLabel = "GB", description = "Memory of that instance (default 8).")
    Double ec2MemoryGb;

    @Option(names = "--target-cpu", paramLabel = "FRACTION",
            description = "Share of its vCPUs a monolith host may use before scaling out (default 0.7).")
    Double targetCpu;

    @Option(names = "--monolith-decode-share", paramLabel = "FRACTION",
            description = "Share of the monolith's CPU spent decoding (default 0.9, docs/monolith.md).")
    Double decodeShare;

    @Option(names = "--monolith-baseline-mb", paramLabel = "MB",
            description = "Resident memory of a monolith process before its first stream (default 300).")
    Double baselineMb;

    @Option(names = "--hours-per-month", paramLabel = "H", description = "Hours in a month (default 730).")
    Double hoursPerMonth;

    /**
     * The base assumptions with every flag given applied.
     *
     * @throws UserError (bad usage) for a value the assumption does not accept
     */
    public Assumptions applyTo(Assumptions base) {
        Assumptions a = base;
        try {
            for (Map.Entry<Assumption, Number> e : given().entrySet()) {
                a = a.with(e.getKey(), e.getValue().doubleValue());
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
        return a;
    }

    private Map<Assumption, Number> given() {
        Map<Assumption, Number> v = new EnumMap<>(Assumption.class);
        put(v, Assumption.EXPECTED_STREAMS, streams);
        put(v, Assumption.ANALYSED_FPS, analysedFps);
        put(v, Assumption.SEGMENT_SECONDS, segmentSeconds);
        put(v, Assumption.DETECTORS, detectors);
        put(v, Assumption.CONVERTER_MEMORY_MB, converterMemoryMb);
        put(v, Assumption.DETECTOR_MEMORY_MB, detectorMemoryMb);
        put(v, Assumption.RETENTION_DAYS, retentionDays);
        put(v, Assumption.EXPRESS_MEMORY_MB, expressMemoryMb);
        put(v, Assumption.FARGATE_VCPU, fargateVcpu);
        put(v, Assumption.FARGATE_MEMORY_GB, fargateMemoryGb);
        put(v, Assumption.EC2_VCPU, ec2Vcpu);
        put(v, Assumption.EC2_MEMORY_GB, ec2MemoryGb);
        put(v, Assumption.TARGET_CPU, targetCpu);
        put(v, Assumption.DECODE_SHARE, decodeShare);
        put(v, Assumption.BASELINE_MB, baselineMb);
        put(v, Assumption.HOURS_PER_MONTH, hoursPerMonth);
        return v;
    }

    private static void put(Map<Assumption, Number> v, Assumption a, Number value) {
        if (value != null) {
            v.put(a, value);
        }
    }
}
