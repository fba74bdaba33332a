package dev.candor.recommend.rerank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibrated recommendations (Steck 2018): greedily builds a list of n maximizing
 * {@code (1 − λ) · Σ relevance − λ · KL(p ‖ q̃)}, where p is the category distribution of the user's
 * history, q that of the list so far, and q̃ = (1 − α) q + α p with α = 0.01. Relevance is the base
 * score scaled to [0, 1]. Reorders and selects only; scores are kept. Stateless.
 */
public final class Calibration {
    static final double ALPHA = 0.01;

    private Calibration() {
    }

    /**
     * @param candidates candidate items, best first
     * @param scores     their base scores, aligned
     * @param history    the categories of each history item
     * @param categories the categories of each item, by item index
     * @return the chosen items in order
     */
    public static int[] rerank(int[] candidates, double[] scores, List<List<String>> history, List<List<String>> categories, int n,
                               double lambda) {
        Map<String, Double> p = distribution(history);
        double max = 0;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double scale = max > 0 ? max : 1;
        boolean[] used = new boolean[candidates.length];
        Map<String, Double> q = new HashMap<>();
        List<Integer> chosen = new ArrayList<>();
        double relevance = 0;
        while (chosen.size() < Math.min(n, candidates.length)) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates.length; c++) {
                if (used[c]) {
                    continue;
                }
                Map<String, Double> next = new HashMap<>(q);
                List<String> cats = categories.get(candidates[c]);
                for (String g : cats) {
                    next.merge(g, 1.0 / cats.size(), Double::sum);
                }
                double value = (1 - lambda) * (relevance + scores[c] / scale) - lambda * kl(p, next, chosen.size() + 1);
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            used[best] = true;
            chosen.add(candidates[best]);
            relevance += scores[best] / scale;
            List<String> cats = categories.get(candidates[best]);
            for (String g : cats) {
                q.merge(g, 1.0 / cats.size(), Double::sum);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** KL(p ‖ q̃) with q given as unnormalized category mass over {@code size} items. */
    static double kl(Map<String, Double> p, Map<String, Double> qMass, int size) {
        double kl = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            double q = qMass.getOrDefault(e.getKey(), 0.0) / size;
            double qt = (1 - ALPHA) * q + ALPHA * e.getValue();
            kl += e.getValue() * Math.log(e.getValue() / qt);
        }
        return kl;
    }

    static Map<String, Double> distribution(List<List<String>> items) {
        Map<String, Double> out = new HashMap<>();
        int n = 0;
        for (List<String> cats : items) {
            if (cats.isEmpty()) {
                continue;
            }
            n++;
            for (String g : cats) {
                out.merge(g, 1.0 / cats.size(), Double::sum);
            }
        }
        int total = n;
        if (total > 0) {
            out.replaceAll((g, w) -> w / total);
        }
        return out;
    }
}
