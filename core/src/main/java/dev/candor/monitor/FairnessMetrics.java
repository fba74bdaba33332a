package dev.candor.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Exposure fairness and filter-bubble measures over exposure counts (how often each item was
 * served). Pure functions; thread-safe. Each has a matching re-ranker in {@code recommend.rerank}
 * or a planned one (see docs/trust.md).
 */
public final class FairnessMetrics {
    /** Number of popularity groups of {@link #popularityDeciles}. */
    public static final int DECILES = 10;

    private FairnessMetrics() {
    }

    /**
     * {@return catalog coverage: the share of the catalog's items served at least once}
     * (Ge, Delgado-Battenfeld &amp; Jannach 2010). 0 for an empty catalog.
     */
    public static <K> double coverage(Map<K, Long> exposure, Collection<K> catalog) {
        if (catalog.isEmpty()) {
            return 0;
        }
        long served = catalog.stream().filter(k -> exposure.getOrDefault(k, 0L) > 0).count();
        return served / (double) catalog.size();
    }

    /**
     * {@return the Gini coefficient of exposure over every catalog item (zeros included)}: with the n
     * exposures sorted ascending x₍₁₎ ≤ … ≤ x₍ₙ₎, {@code G = Σᵢ (2i - n - 1) x₍ᵢ₎ / (n Σ x)}; 0 when
     * exposure is equal (or nothing was served), (n - 1)/n when one item got everything
     * (Fleder &amp; Hosanagar 2009 use it for recommender concentration).
     */
    public static double gini(long[] exposures) {
        int n = exposures.length;
        long[] x = exposures.clone();
        java.util.Arrays.sort(x);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] < 0) {
                throw new IllegalArgumentException("exposures must be >= 0");
            }
            total += x[i];
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
        }
        return total == 0 ? 0 : weighted / (n * total);
    }

    /** {@return the Gini coefficient of exposure over {@code catalog}, unserved items counting 0} */
    public static <K> double gini(Map<K, Long> exposure, Collection<K> catalog) {
        return gini(catalog.stream().mapToLong(k -> exposure.getOrDefault(k, 0L)).toArray());
    }

    /**
     * {@return each group's share of all exposure}; an item in several groups splits its exposure
     * equally among them, so shares sum to 1 (empty when nothing was served). Groups with no
     * exposure are absent. Sorted by group when groups are comparable.
     */
    public static <K, G> Map<G, Double> shareByGroup(Map<K, Long> exposure, Function<K, ? extends Collection<G>> groups) {
        Map<G, Double> sums = new HashMap<>();
        double total = 0;
        for (Map.Entry<K, Long> e : exposure.entrySet()) {
            Collection<G> gs = groups.apply(e.getKey());
            if (e.getValue() <= 0 || gs.isEmpty()) {
                continue;
            }
            for (G g : gs) {
                sums.merge(g, e.getValue() / (double) gs.size(), Double::sum);
            }
            total += e.getValue();
        }
        Map<G, Double> out = sortedIfComparable(sums);
        double t = total;
        out.replaceAll((g, v) -> v / t);
        return out;
    }

    /**
     * {@return each item's popularity decile, 1 = the 10 % most popular}: items ranked by popularity
     * descending (ties by key), item at rank r (0-based) of n in decile {@code ⌊10 r / n⌋ + 1}.
     */
    public static <K extends Comparable<? super K>> Map<K, Integer> popularityDeciles(Map<K, Long> popularity) {
        List<K> ranked = new ArrayList<>(popularity.keySet());
        ranked.sort(Comparator.<K>comparingLong(popularity::get).reversed().thenComparing(Comparator.naturalOrder()));
        Map<K, Integer> out = new LinkedHashMap<>();
        int n = ranked.size();
        for (int r = 0; r < n; r++) {
            out.put(ranked.get(r), (int) ((long) DECILES * r / n) + 1);
        }
        return out;
    }

    /**
     * {@return exposure share per popularity decile 1..10 (every decile present)}: the long-tail
     * view. Items absent from {@code popularity} are ignored.
     */
    public static <K extends Comparable<? super K>> Map<Integer, Double> shareByPopularityDecile(Map<K, Long> exposure,
                                                                                                 Map<K, Long> popularity) {
        Map<K, Integer> deciles = popularityDeciles(popularity);
        Map<K, Long> known = new HashMap<>();
        exposure.forEach((k, v) -> {
            if (deciles.containsKey(k)) {
                known.put(k, v);
            }
        });
        Map<Integer, Double> shares = shareByGroup(known, k -> List.of(deciles.get(k)));
        Map<Integer, Double> out = new TreeMap<>();
        for (int d = 1; d <= DECILES; d++) {
            out.put(d, shares.getOrDefault(d, 0.0));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <G> Map<G, Double> sortedIfComparable(Map<G, Double> m) {
        if (!m.isEmpty() && m.keySet().stream().allMatch(g -> g instanceof Comparable)) {
            return (Map<G, Double>) new TreeMap<>((Map<Comparable<Object>, Double>) (Map<?, Double>) m);
        }
        return new LinkedHashMap<>(m);
    }
}
