package dev.candor.monitor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calibration of a recommendation list against a user's history (Steck 2018, "Calibrated
 * recommendations", RecSys): how far the category mix of what is recommended is from the mix of
 * what the user engaged with. A filter-bubble measure: 0 when the list mirrors the history, large
 * when it narrows to (or drifts from) part of it. Pure functions; thread-safe.
 */
public final class Calibration {
    /** Steck's smoothing α: small, so the KL stays finite when a list misses a category. */
    public static final double DEFAULT_ALPHA = 0.01;

    private Calibration() {
    }

    /**
     * {@return the category distribution of weighted items}: {@code p(g) = Σᵢ wᵢ p(g|i) / Σᵢ wᵢ} with
     * {@code p(g|i) = 1/|categories(i)|} (Steck 2018, eq. 1 and 2); items without categories are
     * skipped. Empty when no weight remains.
     *
     * @param categories per item, its categories
     * @param weights    per item, its weight ≥ 0 (history: e.g. decayed interaction weight;
     *                   list: 1 each, or a rank discount)
     */
    public static Map<String, Double> distribution(List<? extends Collection<String>> categories, double[] weights) {
        if (categories.size() != weights.length) {
            throw new IllegalArgumentException("categories and weights must have the same length");
        }
        Map<String, Double> p = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            Collection<String> gs = categories.get(i);
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weights must be >= 0 and finite. Provided value: " + weights[i]);
            }
            if (gs.isEmpty() || weights[i] == 0) {
                continue;
            }
            for (String g : gs) {
                p.merge(g, weights[i] / gs.size(), Double::sum);
            }
            total += weights[i];
        }
        double t = total;
        p.replaceAll((g, v) -> v / t);
        return p;
    }

    /**
     * {@return the miscalibration C_KL(p, q) = Σ_g p(g) log(p(g) / q̃(g)) with q̃ = (1 - α) q + α p}
     * (Steck 2018, eq. 4 and 5), in nats: p is the history's distribution, q the list's. Categories
     * with p(g) = 0 contribute 0; q̃(g) > 0 wherever p(g) > 0 because α > 0.
     */
    public static double kl(Map<String, Double> history, Map<String, Double> list, double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]. Provided value: " + alpha);
        }
        double kl = 0;
        for (Map.Entry<String, Double> e : history.entrySet()) {
            double p = e.getValue();
            if (p <= 0) {
                continue;
            }
            double q = (1 - alpha) * list.getOrDefault(e.getKey(), 0.0) + alpha * p;
            kl += p * Math.log(p / q);
        }
        return kl;
    }

    /** {@return {@link #kl} with the default α = 0.01} */
    public static double kl(Map<String, Double> history, Map<String, Double> list) {
        return kl(history, list, DEFAULT_ALPHA);
    }
}
