package avmon.cli.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The number of concurrent streams a design sustains under AWS's default quotas: for each rate quota,
 * the quota divided by what one stream asks of it per second; the smallest binds.
 */
public final class ScaleModel {

    private static final double SECONDS_PER_HOUR = 3600;

    private final ReferenceBook quotas;

    public ScaleModel(ReferenceBook quotas) {
        this.quotas = quotas;
    }

    /** The serverless design on Step Functions Standard: its limits, the binding one first. */
    public List<ScaleLimit> serverlessStandard(ServerlessUsage u) {
        List<ScaleLimit> limits = dataPlane(u);
        limits.add(rate("sfn.standard.transitions-per-second", u.transitions() / SECONDS_PER_HOUR));
        limits.add(rate("sfn.standard.start-execution-per-second", u.executions() / SECONDS_PER_HOUR));
        limits.sort(Comparator.comparingDouble(ScaleLimit::streams));
        return limits;
    }

    /** The serverless design on Step Functions Express, which has no transition throttle: the binding limit first. */
    public List<ScaleLimit> serverlessExpress(ServerlessUsage u) {
        List<ScaleLimit> limits = dataPlane(u);
        limits.sort(Comparator.comparingDouble(ScaleLimit::streams));
        return limits;
    }

    /** The quotas both workflow types share: Lambda, S3 and SNS. */
    private List<ScaleLimit> dataPlane(ServerlessUsage u) {
        List<ScaleLimit> limits = new ArrayList<>();
        limits.add(rate("lambda.concurrency", u.lambdaBusySeconds() / SECONDS_PER_HOUR));
        limits.add(perStreamPrefix("s3.put-per-second-per-prefix", u.s3Tier1() / SECONDS_PER_HOUR));
        limits.add(perStreamPrefix("s3.get-per-second-per-prefix", u.s3Tier2() / SECONDS_PER_HOUR));
        limits.add(rate("sns.publish-per-second", u.snsPublishes() / SECONDS_PER_HOUR));
        return limits;
    }

    /** The monolith's request quotas (it has no orchestration or Lambda quota), the binding one first. */
    public List<ScaleLimit> monolith(MonolithUsage u) {
        List<ScaleLimit> limits = new ArrayList<>();
        limits.add(perStreamPrefix("s3.get-per-second-per-prefix", u.s3Tier2() / SECONDS_PER_HOUR));
        limits.add(rate("sns.publish-per-second", u.snsPublishes() / SECONDS_PER_HOUR));
        limits.sort(Comparator.comparingDouble(ScaleLimit::streams));
        return limits;
    }

    /** A shared quota: streams = quota / demand per stream. */
    private ScaleLimit rate(String id, double demandPerStream) {
        BookEntry q = quotas.entry(id);
        return new ScaleLimit(q, demandPerStream,
                demandPerStream <= 0 ? Double.POSITIVE_INFINITY : q.value() / demandPerStream);
    }

    /**
     * A quota per S3 prefix: each stream writes under its own prefix, so the quota binds only when a single
     * stream exceeds it, and then no number of streams works.
     */
    private ScaleLimit perStreamPrefix(String id, double demandPerStream) {
        BookEntry q = quotas.entry(id);
        return new ScaleLimit(q, demandPerStream, demandPerStream > q.value() ? 0 : Double.POSITIVE_INFINITY);
    }
}
