package avmon.cli.model;

import java.util.Locale;

/**
 * One thing the case did not publish and the model must assume: its flag (the same in {@code avmon compare}
 * and {@code avmon cost}), its unit, what it means and why its default is what it is. Defaults marked
 * "as measured" come from the run's own workload.
 */
public enum Assumption {

    EXPECTED_STREAMS("expected-streams", "streams", "expected load: concurrent streams to monitor",
            "the case says the monolith handles \"thousands of streams\"; read at its low end, 2,000", true),
    ANALYSED_FPS("analysed-fps", "pictures/s", "pictures analysed per second of stream",
            "as measured: the converter stores every decoded picture", false),
    SEGMENT_SECONDS("segment-seconds", "s", "length of one HLS segment, the serverless unit of work",
            "as measured: the generated streams' segments (HLS's usual 2 s)", false),
    DETECTORS("detector-count", "detectors", "detectors run on every segment (video and audio in the measured mix)",
            "as measured: the detectors that fit the generated streams", true),
    CONVERTER_MEMORY_MB("converter-memory-mb", "MB", "memory of the converter function (billed duration kept as measured)",
            "as measured: the memory the run's converter had (1,024 MB as deployed)", true),
    DETECTOR_MEMORY_MB("detector-memory-mb", "MB", "memory of the detector function (billed duration kept as measured)",
            "as measured: the memory the run's detector had (512 MB as deployed)", true),
    RETENTION_DAYS("retention-days", "days", "days frames stay in S3 before a lifecycle rule deletes them",
            "1: the shortest S3 lifecycle expiration; the detectors read frames within seconds", false),
    EXPRESS_MEMORY_MB("express-memory-mb", "MB", "memory an Express execution is billed for",
            "64: 50 MB + definition + payload, billed in 64 MB chunks", false),
    FARGATE_VCPU("fargate-vcpu", "vCPU", "vCPUs of one monolith Fargate task", "1: the smallest task that fits the JVM", false),
    FARGATE_MEMORY_GB("fargate-memory-gb", "GB", "memory of one monolith Fargate task", "2: the smallest for 1 vCPU", false),
    EC2_VCPU("ec2-vcpu", "vCPU", "vCPUs of the EC2 instance priced as ec2.c5-xlarge.hour", "4: c5.xlarge", false),
    EC2_MEMORY_GB("ec2-memory-gb", "GB", "memory of that instance", "8: c5.xlarge", false),
    TARGET_CPU("target-cpu", "fraction", "share of its vCPUs a monolith host may use before scaling out",
            "0.7: headroom for bursts and restarts", false),
    DECODE_SHARE("monolith-decode-share", "fraction",
            "share of the monolith's CPU spent decoding, which analysing fewer pictures or detectors does not save",
            "0.9: docs/monolith.md, decode-only vs full-analysis capacity ratio 0.84-0.96", false),
    BASELINE_MB("monolith-baseline-mb", "MB", "resident memory of a monolith process before its first stream",
            "300: docs/monolith.md, a 250-370 MB JVM baseline", false),
    HOURS_PER_MONTH("hours-per-month", "h", "hours in a month for monthly figures", "730: AWS's billing month", false);

    private final String flag;
    private final String unit;
    private final String meaning;
    private final String basis;
    private final boolean whole;

    Assumption(String flag, String unit, String meaning, String basis, boolean whole) {
        this.flag = flag;
        this.unit = unit;
        this.meaning = meaning;
        this.basis = basis;
        this.whole = whole;
    }

    /** The command-line flag without dashes, also the key in {@code report.json}. */
    public String flag() {
        return flag;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /** Why the default is what it is. */
    public String basis() {
        return basis;
    }

    /** Whether only whole numbers make sense (streams, detectors). */
    public boolean whole() {
        return whole;
    }

    /** The assumption whose flag is {@code flag}. */
    public static Assumption ofFlag(String flag) {
        for (Assumption a : values()) {
            if (a.flag.equals(flag)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no assumption '" + flag + "'");
    }

    /**
     * Checks a value: every assumption is positive; fractions are at most 1 (the decode share may be 0);
     * counts are whole.
     *
     * @throws IllegalArgumentException naming the flag
     */
    public double check(double value) {
        boolean fraction = unit.equals("fraction");
        boolean ok = Double.isFinite(value) && (this == DECODE_SHARE ? value >= 0 : value > 0)
                && (!fraction || value <= 1) && (!whole || value == Math.rint(value) && value <= Integer.MAX_VALUE);
        if (!ok) {
            throw new IllegalArgumentException("--" + flag + " must be " + (whole ? "a whole number above 0"
                    : fraction ? (this == DECODE_SHARE ? "from 0 to 1" : "above 0 and at most 1") : "a number above 0")
                    + ", was " + String.format(Locale.ROOT, "%s", value));
        }
        return value;
    }
}
