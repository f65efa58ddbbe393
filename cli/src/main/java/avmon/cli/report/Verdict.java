package avmon.cli.report;

import avmon.cli.model.CostBreakdown;
import avmon.cli.model.ScaleLimit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a comparison reproduces the case's two claims, with the figures that decide it.
 *
 * @param ceiling  the serverless design hits a hard ceiling at a small fraction of the expected load
 * @param cost     the monolith costs more than 90% less
 * @param warnings what makes the figures doubtful (a design missed an injected defect ...), or empty
 */
public record Verdict(Claim ceiling, Claim cost, List<String> warnings) {

    /**
     * "Small fraction": the case says "around 5%"; a ceiling up to twice that still reproduces it, a ceiling
     * above it does not.
     */
    public static final double SMALL_FRACTION = 0.10;
    /** The case's figure for the ceiling, to say which expected load would give it. */
    public static final double CASE_FRACTION = 0.05;
    /** "Reduced our infrastructure cost by over 90%". */
    public static final double CASE_REDUCTION = 0.90;

    public Verdict {
        warnings = List.copyOf(warnings);
    }

    /**
     * One claim.
     *
     * @param claim      the claim in the case's words
     * @param reproduced whether the figures reproduce it
     * @param figure     the deciding figure (a fraction of the expected load, a cost reduction)
     * @param why        the figures that decide it, in words
     */
    public record Claim(String claim, boolean reproduced, double figure, String why) {
    }

    /**
     * Judges the claims.
     *
     * @param standard        the serverless design as the case ran it (Step Functions Standard)
     * @param standardScale   its limits
     * @param transitionsPerStreamSecond what one stream asks of the transition quota
     * @param monolith        the monolith's priced variants; the claim is judged on the dearest (on-demand Fargate)
     * @param expectedStreams the expected load
     * @param hoursPerMonth   hours in a month
     * @param warnings        what makes the run doubtful
     */
    public static Verdict judge(CostBreakdown standard, DesignScale standardScale, double transitionsPerStreamSecond,
                                List<CostBreakdown> monolith, int expectedStreams, double hoursPerMonth,
                                List<String> warnings) {
        return new Verdict(ceilingClaim(standardScale, transitionsPerStreamSecond, expectedStreams),
                costClaim(standard, standardScale, monolith, expectedStreams, hoursPerMonth),
                withLambdaCaveat(standardScale, warnings));
    }

    /**
     * Lambda durations come from the local host, where the functions share the machine's cores; when Lambda
     * concurrency is what binds, the reader must know that a quieter host could move the ceiling to the next quota.
     */
    private static List<String> withLambdaCaveat(DesignScale scale, List<String> warnings) {
        ScaleLimit binding = scale.binding();
        if (binding == null || !binding.quota().id().startsWith("lambda.") || scale.limits().size() < 2) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        all.add(String.format(Locale.ROOT, "Lambda concurrency binds from durations measured on the local host, which "
                        + "shares this machine's cores and runs slower than AWS when the machine is busy; with shorter "
                        + "durations the next quota, %s, would bind at %s streams.",
                scale.limits().get(1).quota().id(), Figures.count(scale.limits().get(1).streams())));
        return all;
    }

    private static Claim ceilingClaim(DesignScale scale, double transitionsPerStreamSecond, int expected) {
        String claim = "a hard scaling limit at around 5% of the expected load";
        ScaleLimit binding = scale.binding();
        if (binding == null) {
            return new Claim(claim, false, Double.POSITIVE_INFINITY,
                    "no quota in the book binds: the serverless design has no ceiling at these figures");
        }
        double fraction = scale.fractionOf(expected);
        boolean reproduced = fraction <= SMALL_FRACTION;
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
                "%s binds first: %s %s, and one stream asks %s of it, so one account sustains %s concurrent streams, "
                        + "%s of the %s expected (%s%s). The claim holds from an expected load of %s (ceiling at %s); "
                        + "the case's \"around 5%%\" would be a load of %s.",
                binding.quota().item(), Figures.count(binding.quota().value()), binding.quota().unit(),
                Figures.count(binding.demand()), Figures.count(scale.ceiling()), Figures.percent(fraction),
                Figures.count(expected), reproduced ? "at most " : "more than ", Figures.percent(SMALL_FRACTION),
                Figures.count(Math.ceil(scale.ceiling() / SMALL_FRACTION)), Figures.percent(SMALL_FRACTION),
                Figures.count(Math.ceil(scale.ceiling() / CASE_FRACTION))));
        if (scale.limits().size() > 1 && Double.isFinite(scale.limits().get(1).streams())) {
            ScaleLimit next = scale.limits().get(1);
            why.append(String.format(Locale.ROOT, " Next to bind: %s, at %s streams.", next.quota().item(),
                    Figures.count(next.streams())));
        }
        why.append(String.format(Locale.ROOT, " One stream takes %s state transitions per second of stream.",
                Figures.count(transitionsPerStreamSecond)));
        return new Claim(claim, reproduced, fraction, why.toString());
    }

    private static Claim costClaim(CostBreakdown standard, DesignScale scale, List<CostBreakdown> monolith, int expected,
                                   double hours) {
        String claim = "the monolith reduced infrastructure cost by over 90%";
        double serverless = standard.perMonth(expected, hours);
        CostBreakdown dearest = monolith.stream()
                .max(Comparator.comparingDouble(c -> c.perMonth(expected, hours))).orElseThrow();
        double reduction = 1 - dearest.perMonth(expected, hours) / serverless;
        boolean reproduced = reduction > CASE_REDUCTION;
        List<String> others = new ArrayList<>();
        for (CostBreakdown m : monolith) {
            others.add(m.design() + " " + Figures.percent(1 - m.perMonth(expected, hours) / serverless));
        }
        Map.Entry<String, Double> top = standard.components().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        String why = String.format(Locale.ROOT,
                "At %s streams, %s costs %s a month and %s %s (%s); that is %s less (%s than the case's 90%%). "
                        + "The serverless design's largest item is %s at %s of its cost. Every monolith variant: %s.",
                Figures.count(expected), standard.design(), Figures.usd(serverless), dearest.design(),
                Figures.usd(dearest.perMonth(expected, hours)), dearest.note(), Figures.percent(reduction),
                reproduced ? "more" : "not more", top.getKey(), Figures.percent(top.getValue() / standard.perStreamHour()),
                String.join(", ", others));
        if (expected > scale.ceiling()) {
            why += String.format(Locale.ROOT, " One account cannot run %s streams on Step Functions Standard (ceiling %s):"
                    + " its figure prices them as if the quotas were raised or the streams spread over %s accounts.",
                    Figures.count(expected), Figures.count(scale.ceiling()),
                    Figures.count(Math.ceil(expected / scale.ceiling())));
        }
        return new Claim(claim, reproduced, reduction, why);
    }
}
