package avmon.cli.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A value for every {@link Assumption}. Immutable; {@link #with} gives a changed copy. The defaults depend on
 * the measured run for the assumptions that describe its workload (analysed pictures per second, segment
 * length, detectors), so that, unchanged, the model prices exactly what was measured.
 */
public final class Assumptions {

    private final Map<Assumption, Double> values;

    private Assumptions(Map<Assumption, Double> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /**
     * The defaults, with the run's own settings where the default is "as measured": its workload, and the
     * memory its converter and detector functions had.
     */
    public static Assumptions defaults(MeasuredRun run) {
        Assumptions a = defaults(run.workload());
        for (Map.Entry<String, MeasuredRun.FunctionCounts> f : run.serverless().perFunction().entrySet()) {
            if (f.getValue().memoryMb() > 0 && f.getKey().contains("converter")) {
                a = a.with(Assumption.CONVERTER_MEMORY_MB, f.getValue().memoryMb());
            } else if (f.getValue().memoryMb() > 0 && f.getKey().contains("detector")) {
                a = a.with(Assumption.DETECTOR_MEMORY_MB, f.getValue().memoryMb());
            }
        }
        return a;
    }

    /**
     * The defaults for a workload: its own settings where the default is "as measured", and the functions'
     * memory as the local pipeline deploys them.
     */
    public static Assumptions defaults(MeasuredRun.Workload workload) {
        Map<Assumption, Double> v = new EnumMap<>(Assumption.class);
        v.put(Assumption.EXPECTED_STREAMS, 2000.0);
        v.put(Assumption.ANALYSED_FPS, workload.analysedFps());
        v.put(Assumption.SEGMENT_SECONDS, workload.segmentSeconds());
        v.put(Assumption.DETECTORS, (double) workload.detectors().size());
        v.put(Assumption.CONVERTER_MEMORY_MB, 1024.0);
        v.put(Assumption.DETECTOR_MEMORY_MB, 512.0);
        v.put(Assumption.RETENTION_DAYS, 1.0);
        v.put(Assumption.EXPRESS_MEMORY_MB, 64.0);
        v.put(Assumption.FARGATE_VCPU, 1.0);
        v.put(Assumption.FARGATE_MEMORY_GB, 2.0);
        v.put(Assumption.EC2_VCPU, 4.0);
        v.put(Assumption.EC2_MEMORY_GB, 8.0);
        v.put(Assumption.TARGET_CPU, 0.7);
        v.put(Assumption.DECODE_SHARE, 0.9);
        v.put(Assumption.BASELINE_MB, 300.0);
        v.put(Assumption.HOURS_PER_MONTH, 730.0);
        v.forEach((a, value) -> a.check(value));
        return new Assumptions(v);
    }

    /**
     * A copy with one value changed.
     *
     * @throws IllegalArgumentException when the value does not suit the assumption
     */
    public Assumptions with(Assumption a, double value) {
        Map<Assumption, Double> v = new EnumMap<>(values);
        v.put(a, a.check(value));
        return new Assumptions(v);
    }

    public double value(Assumption a) {
        return values.get(a);
    }

    /** Every value, in the enum's order. */
    public Map<Assumption, Double> values() {
        return values;
    }

    public int expectedStreams() {
        return (int) value(Assumption.EXPECTED_STREAMS);
    }

    public double analysedFps() {
        return value(Assumption.ANALYSED_FPS);
    }

    public double segmentSeconds() {
        return value(Assumption.SEGMENT_SECONDS);
    }

    public int detectors() {
        return (int) value(Assumption.DETECTORS);
    }

    public double converterMemoryMb() {
        return value(Assumption.CONVERTER_MEMORY_MB);
    }

    public double detectorMemoryMb() {
        return value(Assumption.DETECTOR_MEMORY_MB);
    }

    public double retentionDays() {
        return value(Assumption.RETENTION_DAYS);
    }

    public double expressMemoryMb() {
        return value(Assumption.EXPRESS_MEMORY_MB);
    }

    public double fargateVcpu() {
        return value(Assumption.FARGATE_VCPU);
    }

    public double fargateMemoryGb() {
        return value(Assumption.FARGATE_MEMORY_GB);
    }

    public double ec2Vcpu() {
        return value(Assumption.EC2_VCPU);
    }

    public double ec2MemoryGb() {
        return value(Assumption.EC2_MEMORY_GB);
    }

    public double targetCpuUtilisation() {
        return value(Assumption.TARGET_CPU);
    }

    public double monolithDecodeShare() {
        return value(Assumption.DECODE_SHARE);
    }

    public double monolithBaselineMb() {
        return value(Assumption.BASELINE_MB);
    }

    public double hoursPerMonth() {
        return value(Assumption.HOURS_PER_MONTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Assumptions other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
