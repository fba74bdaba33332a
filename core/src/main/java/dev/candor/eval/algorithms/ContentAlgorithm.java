package dev.candor.eval.algorithms;

import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.recommend.InteractionMatrix;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Content-based: each category's share of the user's fold-in, matched against the item's categories
 * (as the serving content source does with learned interests), with popularity breaking ties within a
 * category: {@code s(j) = Σ_{c ∈ cats(j)} share(c) + ε · pop(j)}.
 */
public final class ContentAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "content";
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public Fitted fit(FoldData data) {
        int n = data.train().numItems();
        float[] pop = new float[n];
        float max = 1;
        for (int c : data.train().colIndex()) {
            pop[c]++;
            max = Math.max(max, pop[c]);
        }
        for (int i = 0; i < n; i++) {
            pop[i] /= max;
        }
        List<List<String>> cats = data.items().categories();
        InteractionMatrix foldIn = data.foldIn();
        return (user, out) -> {
            Map<String, Double> share = new HashMap<>();
            int[] h = foldIn.items(user);
            for (int i : h) {
                for (String c : cats.get(i)) {
                    share.merge(c, 1.0 / h.length, Double::sum);
                }
            }
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (String c : cats.get(j)) {
                    s += share.getOrDefault(c, 0.0);
                }
                out[j] = (float) (s + 1e-3 * pop[j]);
            }
        };
    }
}
