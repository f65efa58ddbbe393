package avmon.cli.report;

import avmon.cli.model.Assumption;
import avmon.cli.model.Assumptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * How the answer moves with each assumption: every assumption that changes usage or sizing is halved and
 * doubled, and ranked by how far that moves the two figures the verdict rests on (the serverless-to-monolith
 * cost ratio and the serverless ceiling), in orders of magnitude. The two workload assumptions that move them
 * most get a sweep over a range of values, which the report plots. Sizing assumptions (target CPU, task size,
 * baseline memory) are ranked too, but not swept: they only scale the monolith's cost in proportion (half the
 * target CPU, twice the tasks), which the ranking table already shows, while the workload assumptions change
 * what both designs use and the serverless ceiling.
 *
 * <p>The expected load is left out of the ranking: the ceiling's share of it is inversely proportional to it,
 * which the verdict states directly.
 *
 * @param ranking every assumption tried, the most influential first
 * @param sweeps  the two most influential workload assumptions, each over a range of values
 */
public record Sensitivity(List<Effect> ranking, List<Sweep> sweeps) {

    /** Assumptions that change what is used or how hosts are sized. */
    static final List<Assumption> CANDIDATES = List.of(Assumption.ANALYSED_FPS, Assumption.SEGMENT_SECONDS,
            Assumption.DETECTORS, Assumption.CONVERTER_MEMORY_MB, Assumption.DETECTOR_MEMORY_MB,
            Assumption.RETENTION_DAYS, Assumption.EXPRESS_MEMORY_MB, Assumption.FARGATE_VCPU,
            Assumption.FARGATE_MEMORY_GB, Assumption.TARGET_CPU, Assumption.DECODE_SHARE, Assumption.BASELINE_MB);

    /** Assumptions about the work itself, which change the measured usage of both designs. */
    static final List<Assumption> WORKLOAD = List.of(Assumption.ANALYSED_FPS, Assumption.SEGMENT_SECONDS,
            Assumption.DETECTORS, Assumption.RETENTION_DAYS);

    private static final double[] FACTORS = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4};

    public Sensitivity {
        ranking = List.copyOf(ranking);
        sweeps = List.copyOf(sweeps);
    }

    /** The verdict's two figures at one set of assumptions. */
    public record Point(double value, double serverlessPerStreamHour, double expressPerStreamHour,
                        double monolithPerStreamHour, double ceiling, double transitionsPerStreamSecond) {

        /** The same figures, labelled with the assumption's value they were computed at. */
        public Point at(double v) {
            return new Point(v, serverlessPerStreamHour, expressPerStreamHour, monolithPerStreamHour, ceiling,
                    transitionsPerStreamSecond);
        }

        /** Serverless (Standard) over monolith (on-demand Fargate), per stream-hour. */
        public double costRatio() {
            return serverlessPerStreamHour / monolithPerStreamHour;
        }
    }

    /**
     * One assumption halved and doubled.
     *
     * @param assumption the assumption
     * @param half       the figures at half its value
     * @param twice      the figures at twice its value
     * @param magnitude  the largest move of the cost ratio or the ceiling, in orders of magnitude (log10)
     */
    public record Effect(Assumption assumption, Point half, Point twice, double magnitude) {
    }

    /** One assumption over a range of values, the measured setting among them. */
    public record Sweep(Assumption assumption, List<Point> points) {
    }

    /**
     * Ranks the assumptions around {@code base}.
     *
     * @param figures the verdict's figures at a set of assumptions
     */
    public static Sensitivity of(Assumptions base, Function<Assumptions, Point> figures) {
        Point at = figures.apply(base);

        List<Effect> ranking = new ArrayList<>();
        for (Assumption a : CANDIDATES) {
            double v = base.value(a);
            Point half = figures.apply(base.with(a, fit(a, v / 2))).at(fit(a, v / 2));
            Point twice = figures.apply(base.with(a, fit(a, v * 2))).at(fit(a, v * 2));
            double magnitude = Math.max(move(at, half), move(at, twice));
            ranking.add(new Effect(a, half, twice, magnitude));
        }
        ranking.sort(Comparator.comparingDouble(Effect::magnitude).reversed());
        List<Sweep> sweeps = new ArrayList<>();
        ranking.stream().filter(e -> WORKLOAD.contains(e.assumption())).limit(2)
                .forEach(e -> sweeps.add(sweep(base, e.assumption(), figures)));
        return new Sensitivity(ranking, sweeps);
    }

    private static Sweep sweep(Assumptions base, Assumption a, Function<Assumptions, Point> figures) {
        List<Double> values = new ArrayList<>();
        for (double f : FACTORS) {
            double v = fit(a, base.value(a) * f);
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        values.sort(Double::compare);
        List<Point> points = new ArrayList<>();
        for (double v : values) {
            points.add(figures.apply(base.with(a, v)).at(v));
        }
        return new Sweep(a, points);
    }

    /** A value the assumption accepts: whole numbers rounded (at least 1), fractions at most 1. */
    static double fit(Assumption a, double v) {
        double fitted = a.whole() ? Math.max(1, Math.round(v)) : v;
        return a.unit().equals("fraction") ? Math.min(1, fitted) : fitted;
    }

    private static double move(Point from, Point to) {
        double cost = Math.abs(Math.log10(to.costRatio() / from.costRatio()));
        double ceiling = Double.isInfinite(from.ceiling()) && Double.isInfinite(to.ceiling()) ? 0
                : Math.abs(Math.log10(to.ceiling() / from.ceiling()));
        return Math.max(Double.isNaN(cost) ? 0 : cost, Double.isNaN(ceiling) ? 0 : ceiling);
    }
}
