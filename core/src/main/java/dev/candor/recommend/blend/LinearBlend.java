package dev.candor.recommend.blend;

import dev.candor.explain.Reason;
import dev.candor.recommend.Candidate;
import dev.candor.recommend.ScoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Weighted linear blending of sources: each source's scores are divided by its best score (so every
 * source spans (0, 1]) and multiplied by its weight; an item's score is the sum over sources
 * (a score-level variant of the "weighted hybrid" of Burke 2002). Because every reason is scaled by
 * exactly the factor its score is, an item's reasons still add up to its blended score. An item's
 * reasons are ordered by weight, strongest first.
 *
 * <p>Sources whose scores are sums over the subject's history (EASE and iALS: one term per history
 * item) are explained together: their scaled terms are added per history item and make one
 * "Because you …" reason naming the items that weigh most in the blend, instead of one reason per
 * source naming much the same items. It still adds up: its weight is the sum of those sources' shares.
 *
 * <p>{@link #rank} blends scores only, so a caller can choose the items to show before any reason
 * is built; {@link Blended#explain()} then scales each source's reason by the same factor its score
 * was scaled by.
 */
public final class LinearBlend {
    private LinearBlend() {
    }

    /**
     * One source's share of a blended item.
     *
     * @param candidate the source's candidate
     * @param factor    the source's weight divided by its best score
     */
    public record Share(Candidate candidate, double factor) {
    }

    /**
     * An item with its blended score, not yet explained.
     *
     * @param item   catalog index
     * @param score  {@code Σ factor · candidate score} over its shares
     * @param shares the sources' shares, in source order
     */
    public record Blended(int item, double score, List<Share> shares) {
        public Blended {
            shares = List.copyOf(shares);
        }

        /**
         * {@return the item with its reasons, strongest first: each source's reason scaled by its factor,
         * except that the shares of sources whose scores are sums over the same history (EASE, iALS)
         * make one "Because you …" reason from their terms added history item by history item}
         */
        public ScoredItem explain() {
            List<Reason> rs = new ArrayList<>(shares.size());
            boolean[] taken = new boolean[shares.size()];
            for (int a = 0; a < shares.size(); a++) {
                if (taken[a]) {
                    continue;
                }
                // this share and every later one whose candidate sums over the same history
                List<Share> group = new ArrayList<>(2);
                group.add(shares.get(a));
                var history = shares.get(a).candidate().history();
                for (int b = a + 1; history != null && b < shares.size(); b++) {
                    if (shares.get(b).candidate().history() == history) {
                        group.add(shares.get(b));
                        taken[b] = true;
                    }
                }
                if (group.size() == 1) {
                    rs.add(group.getFirst().candidate().reason().scaled(group.getFirst().factor()));
                } else {
                    double[] factors = new double[group.size()];
                    for (int g = 0; g < factors.length; g++) {
                        factors[g] = group.get(g).factor();
                    }
                    rs.add(Candidate.mergedReason(group.stream().map(Share::candidate).toList(), factors));
                }
            }
            rs.sort(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::kind));
            return new ScoredItem(item, rs);
        }
    }

    /**
     * {@return the blended items, best first (ties: lower item index first)}. Sources with weight 0
     * or no positive candidate contribute nothing.
     */
    public static List<ScoredItem> blend(List<SourceResult> results) {
        List<Blended> ranked = rank(results);
        List<ScoredItem> out = new ArrayList<>(ranked.size());
        double[] scores = new double[ranked.size()];
        for (Blended b : ranked) {
            ScoredItem s = b.explain();
            scores[out.size()] = s.score();
            out.add(s);
        }
        return sortedByScore(out, scores);
    }

    /**
     * {@return the blended items by score alone, best first (ties: lower item index first)}, reasons
     * not yet built. Same items and scores as {@link #blend} up to floating-point rounding.
     */
    public static List<Blended> rank(List<SourceResult> results) {
        return rank(results, Integer.MAX_VALUE);
    }

    /** {@return the first {@code limit} items of {@link #rank(List)}}, the rest never built */
    public static List<Blended> rank(List<SourceResult> results, int limit) {
        int total = 0;
        for (SourceResult r : results) {
            total += r.candidates().size();
        }
        // item → its position, open addressing (keys stored + 1, so 0 is empty): no boxing on the request path
        int cap = Integer.highestOneBit(Math.max(4, total * 2) - 1) << 1;
        int[] keys = new int[cap];
        int[] slots = new int[cap];
        int[] items = new int[total];
        double[] scores = new double[total];
        List<List<Share>> shares = new ArrayList<>();
        int count = 0;
        for (SourceResult r : results) {
            double best = 0;
            for (Candidate c : r.candidates()) {
                best = Math.max(best, c.score());
            }
            if (r.weight() == 0 || best <= 0) {
                continue;
            }
            double factor = r.weight() / best;
            for (Candidate c : r.candidates()) {
                if (!(c.score() > 0)) {
                    continue;
                }
                int h = (c.item() * 0x9E3779B9) & (cap - 1);
                while (keys[h] != 0 && keys[h] != c.item() + 1) {
                    h = (h + 1) & (cap - 1);
                }
                if (keys[h] == 0) {
                    keys[h] = c.item() + 1;
                    slots[h] = count;
                    items[count++] = c.item();
                    shares.add(new ArrayList<>(2));
                }
                shares.get(slots[h]).add(new Share(c, factor));
                scores[slots[h]] += c.score() * factor;
            }
        }
        // the limit-th best score is the bar: items above it, then ties at it, are all that can be among the first limit
        double bar = Double.NEGATIVE_INFINITY;
        if (limit < count) {
            double[] sorted = java.util.Arrays.copyOf(scores, count);
            java.util.Arrays.sort(sorted);
            bar = sorted[count - limit];
        }
        List<Blended> kept = new ArrayList<>(Math.min(count, limit));
        for (int k = 0; k < count; k++) {
            if (scores[k] >= bar) {
                kept.add(new Blended(items[k], scores[k], shares.get(k)));
            }
        }
        Blended[] out = kept.toArray(new Blended[0]);
        java.util.Arrays.sort(out, BEST_FIRST);
        if (out.length > limit) {
            out = java.util.Arrays.copyOf(out, limit);
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
    }

    private static final Comparator<Blended> BEST_FIRST = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : Integer.compare(a.item(), b.item());
    };

    /** {@return the items sorted by their (aligned) exact scores, best first, ties: lower item index first} */
    public static List<ScoredItem> sortedByScore(List<ScoredItem> items, double[] scores) {
        Integer[] order = new Integer[items.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(items.get(a).item(), items.get(b).item());
        });
        List<ScoredItem> out = new ArrayList<>(order.length);
        for (int k : order) {
            out.add(items.get(k));
        }
        return out;
    }
}
