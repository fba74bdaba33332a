package dev.candor.recommend.rerank;

import dev.candor.recommend.Catalog;
import dev.candor.recommend.ScoredItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maximal marginal relevance (Carbonell & Goldstein 1998) over category overlap: picks, one at a
 * time, the candidate maximizing {@code λ·relevance − (1−λ)·max similarity to those already picked},
 * where relevance is the blended score scaled to [0, 1] and similarity the Jaccard overlap of
 * categories. {@code λ = 1} keeps the blend's order. Reorders only: scores and reasons are kept.
 * Stateless and thread-safe.
 */
public final class MmrDiversifier {
    private final Catalog catalog;

    public MmrDiversifier(Catalog catalog) {
        this.catalog = catalog;
    }

    /** {@return the first {@code n} items of {@code ranked} reordered by MMR with trade-off {@code lambda}} */
    public List<ScoredItem> diversify(List<ScoredItem> ranked, int n, double lambda) {
        if (lambda >= 1.0 || ranked.size() <= 1) {
            return ranked.subList(0, Math.min(n, ranked.size()));
        }
        int pool = Math.min(ranked.size(), Math.max(n * 4, 40));
        List<ScoredItem> candidates = new ArrayList<>(ranked.subList(0, pool));
        List<Set<String>> cats = new ArrayList<>(pool);
        double max = 0;
        for (ScoredItem s : candidates) {
            cats.add(categories(s.item()));
            max = Math.max(max, s.score());
        }
        double scale = max > 0 ? max : 1;
        List<ScoredItem> picked = new ArrayList<>(n);
        List<Set<String>> pickedCats = new ArrayList<>(n);
        boolean[] used = new boolean[pool];
        while (picked.size() < Math.min(n, pool)) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < pool; c++) {
                if (used[c]) {
                    continue;
                }
                double redundancy = 0;
                for (Set<String> p : pickedCats) {
                    redundancy = Math.max(redundancy, jaccard(cats.get(c), p));
                }
                double value = lambda * candidates.get(c).score() / scale - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            used[best] = true;
            picked.add(candidates.get(best));
            pickedCats.add(cats.get(best));
        }
        return picked;
    }

    private Set<String> categories(int item) {
        Set<String> out = new HashSet<>();
        for (String c : catalog.item(item).categories()) {
            out.add(c.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
