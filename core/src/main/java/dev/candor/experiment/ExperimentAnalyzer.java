package dev.candor.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns per-variant totals into results: rates with Wilson intervals and always-valid confidence
 * sequences, comparisons with the control (Newcombe interval, mSPRT confidence sequence and
 * p-value), revenue per impression, and guardrail breaches. A pure function of its inputs;
 * thread-safe.
 *
 * <p>The unit of analysis is the impression for impression metrics and the participant for subject
 * metrics, each treated as independent. Impressions of one participant are correlated, so impression
 * intervals are somewhat optimistic when participants see many responses; see docs/experiments.md.
 */
public final class ExperimentAnalyzer {
    private ExperimentAnalyzer() {
    }

    /** {@return the results of {@code experiment} from its totals (variants without totals count as empty)} */
    public static ExperimentResults analyze(Experiment experiment, Map<String, VariantTotals> totals, Instant at) {
        Analysis a = experiment.analysis();
        VariantTotals control = totals.getOrDefault(experiment.control().name(), VariantTotals.EMPTY);
        boolean revenueSent = totals.values().stream().anyMatch(t -> t.revenueConversions() > 0);
        List<VariantResult> results = new ArrayList<>();
        List<GuardrailBreach> breaches = new ArrayList<>();
        for (Variant v : experiment.variants()) {
            VariantTotals t = totals.getOrDefault(v.name(), VariantTotals.EMPTY);
            boolean isControl = v.equals(experiment.control());
            Map<ExperimentMetric, RateEstimate> rates = new EnumMap<>(ExperimentMetric.class);
            Map<ExperimentMetric, Comparison> comparisons = new EnumMap<>(ExperimentMetric.class);
            for (ExperimentMetric m : ExperimentMetric.values()) {
                rates.put(m, rate(m, t.count(m), t.trials(m), a));
                if (!isControl) {
                    comparisons.put(m, compare(m, t.count(m), t.trials(m), control.count(m), control.trials(m), a));
                }
            }
            Optional<MeanEstimate> revenue = revenueSent ? Optional.of(mean(t, a.alpha())) : Optional.empty();
            Optional<MeanEstimate> revenueDiff = revenueSent && !isControl
                    ? Optional.of(meanDifference(t, control, a.alpha())) : Optional.empty();
            results.add(new VariantResult(v, isControl, t.impressions(), t.subjects(), rates, revenue, comparisons, revenueDiff));
            for (Guardrail g : experiment.guardrails()) {
                check(g, v.name(), isControl, rates.get(g.metric()), comparisons.get(g.metric()),
                        control.trials(g.metric()) == 0 ? 0 : (double) control.count(g.metric()) / control.trials(g.metric()))
                        .forEach(breaches::add);
            }
        }
        return new ExperimentResults(experiment.id(), experiment.name(), at, experiment.isRunning(at), a, results, breaches);
    }

    /** {@return a metric's rate with its Wilson interval and always-valid confidence sequence} */
    public static RateEstimate rate(ExperimentMetric metric, long count, long trials, Analysis a) {
        double r = SequentialTest.rate(count, trials);
        Interval cs = SequentialTest.proportion(count, trials, a.alpha(), a.mixingSd());
        return new RateEstimate(metric, count, trials, r, Proportions.wilson(count, trials, a.alpha()),
                new Interval(Math.max(0, cs.lower()), Math.min(1, cs.upper())));
    }

    /** {@return variant (x1 of n1) against control (x0 of n0) on one metric} */
    public static Comparison compare(ExperimentMetric metric, long x1, long n1, long x0, long n0, Analysis a) {
        double p1 = SequentialTest.rate(x1, n1);
        double p0 = SequentialTest.rate(x0, n0);
        return new Comparison(metric, p1 - p0, p0 > 0 ? Optional.of((p1 - p0) / p0) : Optional.empty(),
                Proportions.newcombe(x1, n1, x0, n0, a.alpha()),
                SequentialTest.differenceOfProportions(x1, n1, x0, n0, a.alpha(), a.mixingSd()),
                SequentialTest.differenceOfProportionsPValue(x1, n1, x0, n0, a.mixingSd()));
    }

    private static List<GuardrailBreach> check(Guardrail g, String variant, boolean isControl, RateEstimate rate,
                                               Comparison vsControl, double controlRate) {
        List<GuardrailBreach> out = new ArrayList<>(2);
        if (g.compareWithControl() && !isControl && vsControl.significantlyHigher()) {
            out.add(new GuardrailBreach(variant, g.metric(), GuardrailBreach.Kind.ABOVE_CONTROL, rate.rate(), controlRate,
                    vsControl.alwaysValid()));
        }
        if (g.maxRate().isPresent() && rate.alwaysValid().isAbove(g.maxRate().get())) {
            out.add(new GuardrailBreach(variant, g.metric(), GuardrailBreach.Kind.ABOVE_THRESHOLD, rate.rate(),
                    g.maxRate().get(), rate.alwaysValid()));
        }
        return out;
    }

    /** {@return revenue per impression: Σr/n ± z·s/√n with s² = (Σr² - (Σr)²/n) / (n - 1)} */
    static MeanEstimate mean(VariantTotals t, double alpha) {
        long n = t.impressions();
        if (n == 0) {
            return new MeanEstimate(0, 0, new Interval(0, 0));
        }
        double mean = t.revenueSum() / n;
        double half = Normal.twoSided(alpha) * Math.sqrt(variance(t) / n);
        return new MeanEstimate(n, mean, new Interval(mean - half, mean + half));
    }

    /** {@return the difference of revenue per impression, variant minus control, with a Welch normal interval} */
    static MeanEstimate meanDifference(VariantTotals v, VariantTotals c, double alpha) {
        if (v.impressions() == 0 || c.impressions() == 0) {
            return new MeanEstimate(0, 0, new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        }
        double d = v.revenueSum() / v.impressions() - c.revenueSum() / c.impressions();
        double half = Normal.twoSided(alpha) * Math.sqrt(variance(v) / v.impressions() + variance(c) / c.impressions());
        return new MeanEstimate(v.impressions() + c.impressions(), d, new Interval(d - half, d + half));
    }

    private static double variance(VariantTotals t) {
        long n = t.impressions();
        if (n < 2) {
            return 0;
        }
        return Math.max(0, (t.revenueSumSquares() - t.revenueSum() * t.revenueSum() / n) / (n - 1));
    }
}
