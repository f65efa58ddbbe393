package avmon.cli.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the usage of one stream-hour into dollars for each design, from a price book.
 *
 * <p>Serverless designs pay per request. The monolith pays for capacity: a task or instance is sized by
 * whichever of CPU and memory runs out first, and its hourly price is shared by the streams it holds.
 */
public final class CostModel {

    public static final String STEP_FUNCTIONS = "Step Functions";
    public static final String LAMBDA = "Lambda";
    public static final String S3_REQUESTS = "S3 requests";
    public static final String S3_STORAGE = "S3 storage";
    public static final String SNS = "SNS";
    public static final String COMPUTE = "Compute";

    private static final double SECONDS_PER_HOUR = 3600;

    private final ReferenceBook prices;
    private final ReferenceBook quotas;
    private final Assumptions assumptions;

    /** Prices from the price book; the quota book gives Express's longest execution. */
    public CostModel(ReferenceBooks books, Assumptions assumptions) {
        this.prices = books.prices();
        this.quotas = books.quotas();
        this.assumptions = assumptions;
    }

    /** Step Functions Standard: every transition billed. */
    public CostBreakdown serverlessStandard(ServerlessUsage u) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put(STEP_FUNCTIONS, u.transitions() * prices.value("sfn.standard.transition"));
        addServerlessData(c, u);
        return new CostBreakdown("serverless, Step Functions Standard", c, "");
    }

    /**
     * Step Functions Express: no charge per transition, but per execution and per GB-second of its
     * duration. A stream's workflow runs as long as the stream, so its duration is the whole hour; an Express
     * execution lasts at most five minutes, so a stream needs at least twelve of them an hour.
     */
    public CostBreakdown serverlessExpress(ServerlessUsage u) {
        Map<String, Double> c = new LinkedHashMap<>();
        double gbSeconds = SECONDS_PER_HOUR * billedExpressMemoryGb();
        c.put(STEP_FUNCTIONS, expressExecutions(u) * prices.value("sfn.express.request")
                + gbSeconds * prices.value("sfn.express.gb-second"));
        addServerlessData(c, u);
        return new CostBreakdown("serverless, Step Functions Express", c,
                String.format(java.util.Locale.ROOT, "%.0f executions of at most %.0f s, billed at %.0f MB for the whole stream-hour",
                        expressExecutions(u), quotas.value("sfn.express.max-duration-seconds"),
                        billedExpressMemoryGb() * 1024));
    }

    /** Executions per stream-hour under Express: as many as Standard needs, and one per longest execution. */
    public double expressExecutions(ServerlessUsage u) {
        return Math.max(u.executions(), Math.ceil(SECONDS_PER_HOUR / quotas.value("sfn.express.max-duration-seconds")));
    }

    /** The monolith on Fargate tasks of the assumed size, with or without a Compute Savings Plan. */
    public CostBreakdown monolithFargate(MonolithUsage u, boolean savingsPlan) {
        double taskPerHour = assumptions.fargateVcpu() * prices.value("fargate.x86.vcpu-hour")
                + assumptions.fargateMemoryGb() * prices.value("fargate.x86.gb-hour");
        double discount = savingsPlan ? prices.value("savings-plan.fargate.discount") : 0;
        int streams = streamsPerHost(u, assumptions.fargateVcpu(), assumptions.fargateMemoryGb());
        return monolith("monolith, Fargate" + (savingsPlan ? " with savings plan" : ""), u, streams,
                taskPerHour * (1 - discount),
                streams + " streams per " + fmt(assumptions.fargateVcpu()) + " vCPU / "
                        + fmt(assumptions.fargateMemoryGb()) + " GB task");
    }

    /** The monolith on EC2 instances of the assumed type, with or without a Compute Savings Plan. */
    public CostBreakdown monolithEc2(MonolithUsage u, boolean savingsPlan) {
        double discount = savingsPlan ? prices.value("savings-plan.ec2.discount") : 0;
        int streams = streamsPerHost(u, assumptions.ec2Vcpu(), assumptions.ec2MemoryGb());
        return monolith("monolith, EC2" + (savingsPlan ? " with savings plan" : ""), u, streams,
                prices.value("ec2.c5-xlarge.hour") * (1 - discount),
                streams + " streams per " + fmt(assumptions.ec2Vcpu()) + " vCPU / "
                        + fmt(assumptions.ec2MemoryGb()) + " GB instance");
    }

    /**
     * How many streams one host of {@code vcpu} and {@code memoryGb} holds: limited by CPU (at the target
     * utilisation) or by the memory left after the process's baseline, whichever is less, and at least one.
     */
    public int streamsPerHost(MonolithUsage u, double vcpu, double memoryGb) {
        double byCpu = u.cpuSeconds() <= 0 ? Double.POSITIVE_INFINITY
                : vcpu * assumptions.targetCpuUtilisation() * SECONDS_PER_HOUR / u.cpuSeconds();
        double free = memoryGb * 1024 - assumptions.monolithBaselineMb();
        double byMemory = u.memoryMb() <= 0 ? Double.POSITIVE_INFINITY : free / u.memoryMb();
        double streams = Math.min(byCpu, byMemory);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(streams)));
    }

    private CostBreakdown monolith(String design, MonolithUsage u, int streams, double hostPerHour, String note) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put(COMPUTE, hostPerHour / streams);
        c.put(S3_REQUESTS, u.s3Tier1() * prices.value("s3.tier1.request") + u.s3Tier2() * prices.value("s3.tier2.request"));
        c.put(SNS, u.snsPublishes() * prices.value("sns.publish"));
        return new CostBreakdown(design, c, note, streams, hostPerHour);
    }

    private void addServerlessData(Map<String, Double> c, ServerlessUsage u) {
        c.put(LAMBDA, u.lambdaRequests() * prices.value("lambda.request")
                + u.lambdaGbSeconds() * prices.value("lambda.x86.gb-second"));
        c.put(S3_REQUESTS, u.s3Tier1() * prices.value("s3.tier1.request") + u.s3Tier2() * prices.value("s3.tier2.request"));
        c.put(S3_STORAGE, u.s3GbMonths() * prices.value("s3.storage.gb-month"));
        c.put(SNS, u.snsPublishes() * prices.value("sns.publish"));
    }

    /** Express bills memory in 64 MB chunks. */
    private double billedExpressMemoryGb() {
        return Math.ceil(assumptions.expressMemoryMb() / 64.0) * 64.0 / 1024.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
