package dev.candor.recommend.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Top-k selection of positive scores, ties broken by the lower item index for determinism. */
final class TopK {
    private TopK() {
    }

    /** {@return up to k entries {item} with the highest positive scores, best first} */
    static List<int[]> of(Map<Integer, double[]> scores, int k) {
        PriorityQueue<Map.Entry<Integer, double[]>> heap = new PriorityQueue<>(k + 1, TopK::worseFirst);
        for (Map.Entry<Integer, double[]> e : scores.entrySet()) {
            if (!(e.getValue()[0] > 0)) {
                continue;
            }
            heap.add(e);
            if (heap.size() > k) {
                heap.poll();
            }
        }
        List<int[]> out = new ArrayList<>(heap.size());
        while (!heap.isEmpty()) {
            out.add(new int[] {heap.poll().getKey()});
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * {@return up to k items with the highest positive scores among those {@code eligible} accepts,
     * best first} Same order as {@link #of(Map, int)} (ties: the lower index); allocates only a
     * buffer of about 2k entries, and {@code eligible} is asked only of items that beat the bar so far.
     */
    static int[] of(double[] scores, int k, java.util.function.IntPredicate eligible) {
        return bestInOrder(scores, BY_INDEX, scores.length, k, eligible); // visited by index, so ties go to the lower one
    }

    private static final int[] BY_INDEX = new int[0];

    /**
     * {@return up to k items with the highest positive {@code score} among those {@code eligible}
     * accepts, best first, ties going to the item visited first} Items are visited in {@code order}
     * (distinct indexes; those not below n are skipped), then the indexes from {@code order.length} to
     * n ascending. Visiting
     * in the tie-break order lets an item in only when it beats the bar (a k-th best score so far)
     * outright, so most items cost one comparison and {@code eligible} is asked only of those that do.
     */
    static int[] bestInOrder(double[] score, int[] order, int n, int k, java.util.function.IntPredicate eligible) {
        if (k <= 0) {
            return new int[0];
        }
        Kept kept = new Kept(order, k);
        for (int p = 0; p < order.length; p++) {
            int item = order[p];
            if (item < n && score[item] > kept.worst && eligible.test(item)) {
                kept.add(p, score[item]);
            }
        }
        for (int p = order.length; p < n; p++) { // the rest by index: here the visit position is the item
            if (score[p] > kept.worst && eligible.test(p)) {
                kept.add(p, score[p]);
            }
        }
        return kept.drain();
    }

    /**
     * The visits that may still be among the k best, as visit positions beside their scores, appended
     * as they come; when the buffer is full, a selection keeps the k best (score, then earlier visit)
     * and the k-th best's score becomes {@link #worst}, the score a visit must beat outright to enter.
     * Appending costs no comparisons, so this is cheaper per entry than a heap (whose sift costs a
     * mispredicted branch per level); the bar rises a little later, so slightly more items are asked
     * whether they are eligible.
     */
    private static final class Kept {
        private final int[] order;
        private final int k;
        private final int[] positions;
        private final double[] scores;
        private int size;
        double worst; // 0 until k entries have been kept: only positive scores enter (NaN never does)

        Kept(int[] order, int k) {
            this.order = order;
            this.k = k;
            int capacity = Math.max(2 * k, 16);
            this.positions = new int[capacity];
            this.scores = new double[capacity];
        }

        /** Keeps the visit at position p, whose score is s (it beats {@link #worst}). */
        void add(int p, double s) {
            positions[size] = p;
            scores[size++] = s;
            if (size == k) { // only the first k entries land here (after a cut, the next add passes k): the bar is their lowest
                double low = scores[0];
                for (int e = 1; e < size; e++) {
                    low = Math.min(low, scores[e]);
                }
                worst = low;
            } else if (size == positions.length) {
                keepBest();
            }
        }

        /** Moves the k best entries to the front, drops the rest, and raises the bar to the k-th best's score. */
        private void keepBest() {
            select(0, size - 1, k - 1);
            size = k;
            worst = scores[k - 1];
        }

        /** {@return the kept items, best first} */
        int[] drain() {
            if (size > k) {
                keepBest();
            }
            sort(0, size - 1);
            int[] out = new int[size];
            for (int e = 0; e < size; e++) {
                int p = positions[e];
                out[e] = p < order.length ? order[p] : p;
            }
            return out;
        }

        /** Whether entry a ranks before entry b: higher score, then earlier visit (visits are distinct). */
        private boolean before(int a, int b) {
            return scores[a] > scores[b] || scores[a] == scores[b] && positions[a] < positions[b];
        }

        /** Quickselect: afterwards the entry at {@code kth} is in its ranked place and all before it rank before it. */
        private void select(int lo, int hi, int kth) {
            while (hi > lo) {
                int at = partition(lo, hi);
                if (at == kth) {
                    return;
                }
                if (at < kth) {
                    lo = at + 1;
                } else {
                    hi = at - 1;
                }
            }
        }

        private void sort(int lo, int hi) {
            while (hi > lo) {
                if (hi - lo < 12) { // insertion sort for short runs
                    for (int i = lo + 1; i <= hi; i++) {
                        for (int j = i; j > lo && before(j, j - 1); j--) {
                            swap(j, j - 1);
                        }
                    }
                    return;
                }
                int at = partition(lo, hi);
                if (at - lo < hi - at) { // recurse into the shorter side
                    sort(lo, at - 1);
                    lo = at + 1;
                } else {
                    sort(at + 1, hi);
                    hi = at - 1;
                }
            }
        }

        /** Partitions [lo, hi] around a median-of-three pivot; {@return the pivot's final place} */
        private int partition(int lo, int hi) {
            int mid = (lo + hi) >>> 1;
            if (before(mid, lo)) {
                swap(mid, lo);
            }
            if (before(hi, lo)) {
                swap(hi, lo);
            }
            if (before(mid, hi)) {
                swap(mid, hi); // the median now sits at hi
            }
            int store = lo;
            for (int e = lo; e < hi; e++) {
                if (before(e, hi)) {
                    swap(e, store++);
                }
            }
            swap(store, hi);
            return store;
        }

        private void swap(int a, int b) {
            int p = positions[a];
            positions[a] = positions[b];
            positions[b] = p;
            double s = scores[a];
            scores[a] = scores[b];
            scores[b] = s;
        }
    }

    private static int worseFirst(Map.Entry<Integer, double[]> a, Map.Entry<Integer, double[]> b) {
        int c = Double.compare(a.getValue()[0], b.getValue()[0]);
        return c != 0 ? c : Integer.compare(b.getKey(), a.getKey());
    }
}
