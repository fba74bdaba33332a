package dev.candor.eval.algorithms;

import dev.candor.consent.SensitivityPolicy;
import dev.candor.eval.Algorithm;
import dev.candor.eval.FoldData;
import dev.candor.explain.Evidence;
import dev.candor.explain.Reason;
import dev.candor.model.Item;
import dev.candor.recommend.Catalog;
import dev.candor.recommend.ScoredItem;
import dev.candor.recommend.rerank.Calibration;
import dev.candor.recommend.rerank.MmrDiversifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An algorithm followed by a re-ranker over its top {@value #POOL} (excluding the fold-in): MMR
 * diversity ({@code +mmr}, the serving {@link MmrDiversifier}) or Steck's calibration
 * ({@code +calibrated}). The re-ranked top {@value #LIST} get descending scores above every other
 * item, so the metrics see the re-ranker's order; its effect shows in diversity@20 and miscalibration@20.
 */
public final class RerankedAlgorithm implements Algorithm {
    static final int POOL = 100;
    static final int LIST = 20;

    /** The re-rankers. */
    public enum Kind { MMR, CALIBRATED }

    private final Algorithm base;
    private final Kind kind;
    private final double lambda;

    public RerankedAlgorithm(Algorithm base, Kind kind, double lambda) {
        this.base = base;
        this.kind = kind;
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return base.name() + (kind == Kind.MMR ? "+mmr" : "+calibrated");
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>(base.params());
        m.put(kind == Kind.MMR ? "mmr.lambda" : "calibration.lambda", lambda);
        return m;
    }

    @Override
    public Fitted fit(FoldData data) {
        Fitted fitted = base.fit(data);
        int n = data.train().numItems();
        List<List<String>> cats = data.items().categories();
        Catalog catalog = new Catalog(new SensitivityPolicy(Set.of()));
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(Item.of(data.items().ids().get(i), data.items().titles().get(i), cats.get(i)));
        }
        catalog.putAll(items);
        MmrDiversifier mmr = new MmrDiversifier(catalog);
        return (user, out) -> {
            float[] s = new float[n];
            fitted.score(user, s);
            int[] history = data.foldIn().items(user);
            for (int h : history) {
                s[h] = Float.NEGATIVE_INFINITY;
            }
            int[] pool = topIndexes(s, POOL);
            int[] order;
            if (kind == Kind.MMR) {
                List<ScoredItem> ranked = new ArrayList<>(pool.length);
                for (int i : pool) {
                    ranked.add(new ScoredItem(i, List.of(new Reason.Popular(List.of(new Evidence(Evidence.Kind.STATISTIC, "score", "score",
                            "score", Math.max(1e-9, s[i])))))));
                }
                order = mmr.diversify(ranked, LIST, lambda).stream().mapToInt(ScoredItem::item).toArray();
            } else {
                double[] scores = new double[pool.length];
                for (int k = 0; k < pool.length; k++) {
                    scores[k] = s[pool[k]];
                }
                List<List<String>> hist = new ArrayList<>();
                for (int h : history) {
                    hist.add(cats.get(h));
                }
                order = Calibration.rerank(pool, scores, hist, cats, LIST, lambda);
            }
            float top = 0;
            for (float v : s) {
                if (v != Float.NEGATIVE_INFINITY) {
                    top = Math.max(top, Math.abs(v));
                }
            }
            System.arraycopy(s, 0, out, 0, n);
            for (int r = 0; r < order.length; r++) {
                out[order[r]] = top + 1 + (order.length - r); // above every base score
            }
        };
    }

    private static int[] topIndexes(float[] s, int k) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Float.compare(s[b], s[a]));
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < idx.length && out.size() < k; r++) {
            if (s[idx[r]] != Float.NEGATIVE_INFINITY) {
                out.add(idx[r]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
