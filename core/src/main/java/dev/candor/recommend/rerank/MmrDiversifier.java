package dev.candor.recommend.rerank;

import dev.candor.recommend.Catalog;
import dev.candor.recommend.ScoredItem;
import java.util.ArrayList;
import java.util.List;

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
        int pool = Math.min(ranked.size(), poolSize(n));
        int[] items = new int[pool];
        double[] scores = new double[pool];
        for (int c = 0; c < pool; c++) {
            items[c] = ranked.get(c).item();
            scores[c] = ranked.get(c).score();
        }
        List<ScoredItem> picked = new ArrayList<>(n);
        for (int c : order(items, scores, n, lambda)) {
            picked.add(ranked.get(c));
        }
        return picked;
    }

    /** {@return how many of the best-ranked items MMR considers for a list of n} */
    public static int poolSize(int n) {
        return Math.max(n * 4, 40);
    }

    /**
     * {@return positions into {@code items} of the first {@code n} of a ranked list reordered by MMR}
     * Only the first {@link #poolSize} items are considered; with {@code lambda ≥ 1} the order is kept.
     *
     * @param items  catalog indexes, best first
     * @param scores their scores, aligned
     */
    public int[] order(int[] items, double[] scores, int n, double lambda) {
        if (lambda >= 1.0 || items.length <= 1) {
            int[] out = new int[Math.min(n, items.length)];
            for (int c = 0; c < out.length; c++) {
                out[c] = c;
            }
            return out;
        }
        int pool = Math.min(items.length, poolSize(n));
        int[][] cats = new int[pool][];
        long[] masks = new long[pool]; // the same sets as bits, when every id is below 64 (a catalog's usual case)
        boolean small = true;
        double max = 0;
        for (int c = 0; c < pool; c++) {
            cats[c] = catalog.categoryIds(items[c]);
            for (int id : cats[c]) {
                if (id < 64) {
                    masks[c] |= 1L << id;
                } else {
                    small = false;
                }
            }
            max = Math.max(max, scores[c]);
        }
        double scale = max > 0 ? max : 1;
        int[] picked = new int[Math.min(n, pool)];
        boolean[] used = new boolean[pool];
        double[] redundancy = new double[pool]; // max similarity to the items picked so far
        for (int p = 0; p < picked.length; p++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < pool; c++) {
                if (used[c]) {
                    continue;
                }
                double value = lambda * scores[c] / scale - (1 - lambda) * redundancy[c];
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            used[best] = true;
            picked[p] = best;
            for (int c = 0; c < pool; c++) {
                if (!used[c]) {
                    redundancy[c] = Math.max(redundancy[c], small ? jaccard(masks[c], masks[best]) : jaccard(cats[c], cats[best]));
                }
            }
        }
        return picked;
    }

    /** Jaccard overlap of two category sets given as bits (0 when both are empty): the same number as for their id arrays. */
    static double jaccard(long a, long b) {
        long union = a | b;
        return union == 0 ? 0 : (double) Long.bitCount(a & b) / Long.bitCount(union);
    }

    /** Jaccard overlap of two ascending arrays of distinct category ids (0 when both are empty). */
    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int common = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                common++;
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
