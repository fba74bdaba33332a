package dev.candor.recommend.source;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * Item-based collaborative filtering neighbourhoods (Sarwar et al. 2001; Deshpande &amp; Karypis 2004):
 * for every item, its {@code k} most similar items by shrunk cosine similarity on binary
 * co-occurrence, {@code sim(i,j) = c(i,j) / (sqrt(n(i) n(j)) + shrink)}.
 *
 * <p>A subject's score for item j is linear in their history, {@code s(j) = Σ_h w(h) · sim(h, j)}
 * over history items h whose neighbourhood holds j, so each history item's contribution is exact.
 * Immutable and thread-safe.
 */
public final class ItemKnnModel {
    /** An empty model: no item has neighbours. */
    public static final ItemKnnModel EMPTY = new ItemKnnModel(new int[0][], new float[0][], new int[0]);

    private final int[][] neighbours;   // per item, ascending neighbour index
    private final float[][] similarity; // aligned with neighbours
    private final int[] support;        // n(i): subjects with a positive on i

    private ItemKnnModel(int[][] neighbours, float[][] similarity, int[] support) {
        this.neighbours = neighbours;
        this.similarity = similarity;
        this.support = support;
    }

    /**
     * Trains from each subject's set of positively interacted items.
     *
     * @param subjects  per subject, ascending distinct item indexes
     * @param numItems  the item index range
     * @param k         neighbours kept per item
     * @param shrink    shrinkage term (≥ 0) damping similarities resting on few subjects
     */
    public static ItemKnnModel train(List<int[]> subjects, int numItems, int k, double shrink) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1. Provided value: " + k);
        }
        if (!(shrink >= 0)) {
            throw new IllegalArgumentException("shrink must be >= 0. Provided value: " + shrink);
        }
        int[] support = new int[numItems];
        for (int[] s : subjects) {
            for (int i : s) {
                support[i]++;
            }
        }
        int[][] postings = new int[numItems][];
        for (int i = 0; i < numItems; i++) {
            postings[i] = new int[support[i]];
        }
        int[] fill = new int[numItems];
        for (int u = 0; u < subjects.size(); u++) {
            for (int i : subjects.get(u)) {
                postings[i][fill[i]++] = u;
            }
        }
        int[][] nbr = new int[numItems][];
        float[][] sim = new float[numItems][];
        ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[numItems]);
        ThreadLocal<int[]> touched = ThreadLocal.withInitial(() -> new int[numItems]);
        IntStream.range(0, numItems).parallel().forEach(i -> {
            int[] co = counts.get();
            int[] seen = touched.get();
            int nSeen = 0;
            for (int u : postings[i]) {
                for (int j : subjects.get(u)) {
                    if (j != i && co[j]++ == 0) {
                        seen[nSeen++] = j;
                    }
                }
            }
            PriorityQueue<long[]> top = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(Double.longBitsToDouble(a[1]), Double.longBitsToDouble(b[1])));
            for (int t = 0; t < nSeen; t++) {
                int j = seen[t];
                double s = co[j] / (Math.sqrt((double) support[i] * support[j]) + shrink);
                co[j] = 0;
                if (top.size() < k) {
                    top.add(new long[] {j, Double.doubleToLongBits(s)});
                } else if (s > Double.longBitsToDouble(top.peek()[1])) {
                    top.poll();
                    top.add(new long[] {j, Double.doubleToLongBits(s)});
                }
            }
            long[][] kept = top.toArray(new long[0][]);
            Arrays.sort(kept, (a, b) -> Long.compare(a[0], b[0]));
            nbr[i] = new int[kept.length];
            sim[i] = new float[kept.length];
            for (int t = 0; t < kept.length; t++) {
                nbr[i][t] = (int) kept[t][0];
                sim[i][t] = (float) Double.longBitsToDouble(kept[t][1]);
            }
        });
        return new ItemKnnModel(nbr, sim, support);
    }

    /**
     * {@return a model from neighbourhoods computed elsewhere} (e.g. from a differentially private
     * Gram matrix, {@link DpItemModels}); arrays are taken as they are, neighbours ascending per item.
     */
    public static ItemKnnModel of(int[][] neighbours, float[][] similarity, int[] support) {
        if (neighbours.length != similarity.length || neighbours.length != support.length) {
            throw new IllegalArgumentException("neighbours, similarities and support must cover the same items");
        }
        return new ItemKnnModel(neighbours, similarity, support);
    }

    /** {@return the number of items the model covers} */
    public int numItems() {
        return neighbours.length;
    }

    /** {@return sim(h, j) if j is among h's neighbours, else 0} */
    public double similarity(int h, int j) {
        if (h >= neighbours.length) {
            return 0;
        }
        int pos = Arrays.binarySearch(neighbours[h], j);
        return pos >= 0 ? similarity[h][pos] : 0;
    }

    /** {@return h's neighbour indexes, ascending (shared array: do not modify)} */
    public int[] neighbours(int h) {
        return h < neighbours.length ? neighbours[h] : new int[0];
    }

    /** {@return similarities aligned with {@link #neighbours(int)} (shared array: do not modify)} */
    public float[] similarities(int h) {
        return h < similarity.length ? similarity[h] : new float[0];
    }

    /** {@return how many subjects had a positive on item i at training} */
    public int support(int i) {
        return i < support.length ? support[i] : 0;
    }
}
