package dev.candor.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking metrics of DESIGN §7, per user; {@link Evaluator} averages them. Recall@k =
 * hits / min(k, |targets|); NDCG@k with binary gain and the ideal truncated at min(k, |targets|);
 * intra-list diversity = mean pairwise (1 − Jaccard of categories) in the top k; novelty = mean
 * self-information −log2(popularity share) of the top k; miscalibration = KL divergence of the
 * top k's category distribution from the user's fold-in distribution (Steck 2018, smoothed with
 * α = 0.01, so lower is better).
 */
public final class Metrics {
    private Metrics() {
    }

    /** {@return Recall@k of a ranking against sorted {@code targets}} */
    public static double recall(int[] ranking, int[] targets, int k) {
        if (targets.length == 0) {
            return 0;
        }
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranking.length); r++) {
            if (java.util.Arrays.binarySearch(targets, ranking[r]) >= 0) {
                hits++;
            }
        }
        return (double) hits / Math.min(k, targets.length);
    }

    /** {@return NDCG@k with binary gain} */
    public static double ndcg(int[] ranking, int[] targets, int k) {
        if (targets.length == 0) {
            return 0;
        }
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranking.length); r++) {
            if (java.util.Arrays.binarySearch(targets, ranking[r]) >= 0) {
                dcg += 1 / log2(r + 2);
            }
        }
        double idcg = 0;
        for (int r = 0; r < Math.min(k, targets.length); r++) {
            idcg += 1 / log2(r + 2);
        }
        return dcg / idcg;
    }

    /** {@return mean pairwise category dissimilarity of the top k; NaN when no item has categories} */
    public static double intraListDiversity(int[] ranking, int k, List<List<String>> categories) {
        int n = Math.min(k, ranking.length);
        double sum = 0;
        int pairs = 0;
        boolean any = false;
        for (int a = 0; a < n; a++) {
            List<String> ca = categories.get(ranking[a]);
            any |= !ca.isEmpty();
            for (int b = a + 1; b < n; b++) {
                sum += 1 - jaccard(ca, categories.get(ranking[b]));
                pairs++;
            }
        }
        return !any || pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** {@return mean −log2(share of training users with a positive on the item) over the top k} */
    public static double novelty(int[] ranking, int k, int[] itemUsers, int trainUsers) {
        int n = Math.min(k, ranking.length);
        double sum = 0;
        for (int r = 0; r < n; r++) {
            double p = Math.max(1, itemUsers[ranking[r]]) / (double) trainUsers;
            sum += -log2(p);
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Steck's miscalibration KL(p || q̃): p the category distribution of the user's history, q that of
     * the top k, q̃ = (1 − α) q + α p with α = 0.01. NaN without categories.
     */
    public static double miscalibration(int[] history, int[] ranking, int k, List<List<String>> categories) {
        Map<String, Double> p = distribution(history, history.length, categories);
        Map<String, Double> q = distribution(ranking, Math.min(k, ranking.length), categories);
        if (p.isEmpty()) {
            return Double.NaN;
        }
        double alpha = 0.01;
        double kl = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            double qs = (1 - alpha) * q.getOrDefault(e.getKey(), 0.0) + alpha * e.getValue();
            kl += e.getValue() * Math.log(e.getValue() / qs);
        }
        return kl;
    }

    /** Each item spreads weight 1 evenly over its categories (Steck 2018). */
    static Map<String, Double> distribution(int[] items, int n, List<List<String>> categories) {
        Map<String, Double> out = new HashMap<>();
        double total = 0;
        for (int r = 0; r < n; r++) {
            List<String> c = categories.get(items[r]);
            for (String g : c) {
                out.merge(g, 1.0 / c.size(), Double::sum);
            }
            total += c.isEmpty() ? 0 : 1;
        }
        if (total > 0) {
            double t = total;
            out.replaceAll((g, w) -> w / t);
        }
        return out;
    }

    static double jaccard(List<String> a, List<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> sa = new HashSet<>(a);
        int common = 0;
        for (String x : new HashSet<>(b)) {
            if (sa.contains(x)) {
                common++;
            }
        }
        return (double) common / (sa.size() + new HashSet<>(b).size() - common);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
