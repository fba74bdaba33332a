package dev.candor.privacy.dp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A user-level differentially private Gram (co-occurrence) matrix {@code XᵀX} of people × items,
 * the input of DP item models (EASE, item-kNN). Two mechanisms, composed in zCDP:
 *
 * <ol>
 *   <li><b>Item selection</b> (only when the catalog has more than {@code maxItems} items): every
 *   item's count of people gets discrete Gaussian noise; the {@code maxItems} items with the largest
 *   noisy counts are kept. Each person adds {@code b} to each of their h items, with
 *   {@code b = B} for h ≤ c and {@code b = ⌊B·sqrt(c/h)⌋} above, so their vector has
 *   {@code ‖·‖₂² = b²h ≤ B²c}: L2 sensitivity {@code Δ₁ = B·sqrt(c)}.</li>
 *   <li><b>The Gram matrix</b> over the kept items: each person's outer product {@code a·x xᵀ} of
 *   their h′ kept items, with {@code a = A} for h′ ≤ c and {@code a = ⌊A·sqrt(c(c+1) / h′(h′+1))⌋}
 *   above. Only the upper triangle and diagonal are released (the matrix is symmetric), h′(h′+1)/2
 *   entries of value a: {@code ‖·‖₂² = a²h′(h′+1)/2 ≤ A²c(c+1)/2}, so {@code Δ₂ = A·sqrt(c(c+1)/2)}.
 *   Every entry, zeros included, gets independent discrete Gaussian noise.</li>
 * </ol>
 *
 * <p>Neighbouring data sets differ by one person's whole history (added or removed): user-level DP.
 * The discrete Gaussian with variance σ² on an integer query of L2 sensitivity Δ is Δ²/(2σ²)-zCDP
 * (Canonne, Kamath &amp; Steinke 2020, Theorem 14); zCDP composes adaptively by adding ρ, and the
 * total ρ = ρ₁ + ρ₂ is the largest whose {@link Zcdp} conversion gives the requested (ε, δ). Each σ²
 * is rounded <em>up</em> to an integer, so the ρ spent is at most the ρ allowed. Both weights are
 * integers (A = B = {@value #SCALE}) so the queries are integer-valued and the noise exact; the
 * release is scaled by 1/A afterwards (post-processing), so a person with at most c items counts 1
 * per pair. What is released: the kept item indexes, their noisy Gram matrix and every item's noisy
 * count; nothing else about the people is read.
 */
public final class DpGram {
    /** Integer weight resolution of a full-weight person (A = B). */
    public static final long SCALE = 1000;

    /**
     * @param privacy         the (ε, δ) target of the whole release
     * @param maxItems        the most items the Gram matrix covers; with more items in the catalog, the
     *                        most popular by noisy count are selected privately
     * @param selectionShare  the share of ρ spent on selection (0 &lt; share &lt; 1; unused without selection)
     * @param fullWeightItems c: people with at most c items weigh 1, heavier ones are scaled down to
     *                        the sensitivity of a c-item person
     */
    public record Settings(PrivacyParams privacy, int maxItems, double selectionShare, int fullWeightItems) {
        public Settings {
            Objects.requireNonNull(privacy, "privacy");
            if (privacy.delta() <= 0) {
                throw new IllegalArgumentException("delta must be > 0 for the Gaussian mechanism. Provided value: " + privacy.delta());
            }
            if (maxItems < 1) {
                throw new IllegalArgumentException("maxItems must be >= 1. Provided value: " + maxItems);
            }
            if (!(selectionShare > 0 && selectionShare < 1)) {
                throw new IllegalArgumentException("selectionShare must be in (0, 1). Provided value: " + selectionShare);
            }
            if (fullWeightItems < 1 || fullWeightItems > 10_000) {
                throw new IllegalArgumentException("fullWeightItems must be in [1, 10000]. Provided value: " + fullWeightItems);
            }
        }
    }

    /**
     * A release.
     *
     * @param items       the covered item indexes, ascending; Gram row/column r is item {@code items[r]}
     * @param gram        the noisy Gram matrix, m × m row-major, symmetric, in full-weight-person units
     * @param counts      per catalog item, its noisy count of people (selection noise, or the Gram
     *                    diagonal without selection), in the same units
     * @param gramSigma   standard deviation of the noise on each Gram entry, in those units
     * @param countSigma  standard deviation of the noise on each count
     * @param rho         the zCDP ρ spent (at most {@code settings.privacy().rho()})
     */
    public record Release(int[] items, double[] gram, double[] counts, double gramSigma, double countSigma, double rho,
                          Settings settings) {
        public int size() {
            return items.length;
        }
    }

    private DpGram() {
    }

    /**
     * Releases the noisy Gram matrix of {@code people}.
     *
     * @param people   per person, their distinct item indexes in [0, numItems), ascending
     * @param noise    per row block, its noise source ({@link DiscreteSamplers#secure()} in production);
     *                 called from several threads, each index once
     */
    public static Release release(List<int[]> people, int numItems, Settings s, IntFunction<? extends IntegerNoise> noise) {
        if (numItems < 1) {
            throw new IllegalArgumentException("numItems must be >= 1. Provided value: " + numItems);
        }
        double rho = s.privacy().rho();
        long c = s.fullWeightItems();
        boolean select = numItems > s.maxItems();
        double rhoSelect = select ? rho * s.selectionShare() : 0;
        double rhoGram = rho - rhoSelect;
        double[] counts = null;
        int[] kept;
        double countSigma = 0;
        double rhoSpent = 0;
        if (select) {
            long sens2 = SCALE * SCALE * c;
            long sigma2 = sigma2(sens2, rhoSelect);
            long[] raw = new long[numItems];
            for (int[] p : people) {
                long b = countWeight(p.length, c);
                for (int i : p) {
                    raw[i] += b;
                }
            }
            IntegerNoise n0 = noise.apply(-1);
            counts = new double[numItems];
            for (int i = 0; i < numItems; i++) {
                counts[i] = (raw[i] + n0.gaussian(sigma2, 1)) / (double) SCALE;
            }
            kept = top(counts, s.maxItems());
            countSigma = Math.sqrt((double) sigma2) / SCALE;
            rhoSpent += sens2 / (2.0 * sigma2);
        } else {
            kept = IntStream.range(0, numItems).toArray();
        }
        int m = kept.length;
        int[] column = new int[numItems];
        Arrays.fill(column, -1);
        for (int r = 0; r < m; r++) {
            column[kept[r]] = r;
        }
        long sens2 = SCALE * SCALE * c * (c + 1) / 2;
        long sigma2 = sigma2(sens2, rhoGram);
        double[] g = new double[Math.multiplyExact(m, m)];
        int[] local = new int[m];
        for (int[] p : people) {
            int h = 0;
            for (int i : p) {
                if (column[i] >= 0) {
                    local[h++] = column[i];
                }
            }
            long a = gramWeight(h, c);
            for (int x = 0; x < h; x++) {
                int row = local[x] * m;
                for (int y = x; y < h; y++) {
                    g[row + local[y]] += a; // upper triangle: columns of a person's items ascend
                }
            }
        }
        IntStream.range(0, m).parallel().forEach(i -> {
            IntegerNoise ni = noise.apply(i);
            int row = i * m;
            for (int j = i; j < m; j++) {
                g[row + j] = (g[row + j] + ni.gaussian(sigma2, 1)) / SCALE;
            }
        });
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                g[j * m + i] = g[i * m + j];
            }
        }
        rhoSpent += sens2 / (2.0 * sigma2);
        if (!select) {
            counts = new double[numItems];
            for (int r = 0; r < m; r++) {
                counts[kept[r]] = g[r * m + r];
            }
            countSigma = Math.sqrt((double) sigma2) / SCALE;
        }
        return new Release(kept, g, counts, Math.sqrt((double) sigma2) / SCALE, countSigma, rhoSpent, s);
    }

    /** {@return σ² = Δ²/(2ρ) rounded up to an integer} */
    static long sigma2(long sens2, double rho) {
        double v = Math.ceil(sens2 / (2 * rho) * (1 + 1e-12));
        if (!(v >= 1) || v > (double) (1L << 60)) {
            throw new IllegalArgumentException("the noise scale is out of range: epsilon is too small for this contribution bound");
        }
        return (long) v;
    }

    /** {@return b with b²h ≤ B²c, b = B for h ≤ c} */
    static long countWeight(long h, long c) {
        if (h <= c) {
            return SCALE;
        }
        long b = (long) Math.floor(SCALE * Math.sqrt((double) c / h));
        while (b > 0 && b * b * h > SCALE * SCALE * c) {
            b--;
        }
        return b;
    }

    /** {@return a with a²·h(h+1) ≤ A²·c(c+1), a = A for h ≤ c} */
    static long gramWeight(long h, long c) {
        if (h <= c) {
            return SCALE;
        }
        long a = (long) Math.floor(SCALE * Math.sqrt((double) (c * (c + 1)) / ((double) h * (h + 1))));
        long bound = SCALE * SCALE * c * (c + 1);
        while (a > 0 && exceeds(a * a, h * (h + 1), bound)) {
            a--;
        }
        return a;
    }

    /** {@return whether x·y > bound} for non-negative x, y (exact, without overflow) */
    private static boolean exceeds(long x, long y, long bound) {
        return Math.multiplyHigh(x, y) != 0 || x * y < 0 || x * y > bound;
    }

    /** {@return the indexes of the k largest values, ascending; ties by lower index} */
    static int[] top(double[] v, int k) {
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> v[x] != v[y] ? Double.compare(v[y], v[x]) : Integer.compare(x, y));
        return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).sorted().toArray();
    }
}
