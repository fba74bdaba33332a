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
     * best first} Same order as {@link #of(Map, int)} (ties: the lower index); allocates only the
     * k-sized heap, and {@code eligible} is asked only of items that would enter it.
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
     * in the tie-break order lets an item in only when it beats the worst kept score outright, so most
     * items cost one comparison and {@code eligible} is asked only of those that would enter.
     */
    static int[] bestInOrder(double[] score, int[] order, int n, int k, java.util.function.IntPredicate eligible) {
        if (k <= 0) {
            return new int[0];
        }
        Heap heap = new Heap(order, k);
        for (int p = 0; p < order.length; p++) {
            int item = order[p];
            if (item < n && score[item] > heap.worst && eligible.test(item)) {
                heap.add(p, score[item]);
            }
        }
        for (int p = order.length; p < n; p++) { // the rest by index: here the visit position is the item
            if (score[p] > heap.worst && eligible.test(p)) {
                heap.add(p, score[p]);
            }
        }
        return heap.drain();
    }

    /**
     * The k best visits so far, as visit positions beside their scores, with the worst kept (lowest
     * score, latest visit) at the root. {@link #worst} is the score a visit must beat outright to
     * enter: 0 until the heap is full (only positive scores enter; NaN never does), then the root's.
     */
    private static final class Heap {
        private final int[] order;
        private final int[] positions;
        private final double[] scores; // scores[h] is the score of the visit at positions[h]
        private int size;
        double worst;

        Heap(int[] order, int k) {
            this.order = order;
            this.positions = new int[k];
            this.scores = new double[k];
        }

        /** Keeps the visit at position p, whose score is s. */
        void add(int p, double s) {
            if (size < positions.length) {
                positions[size] = p;
                scores[size] = s;
                siftUp(size++);
            } else {
                positions[0] = p;
                scores[0] = s;
                siftDown();
            }
            if (size == positions.length) {
                worst = scores[0];
            }
        }

        /** {@return the kept items, best first} Empties the heap. */
        int[] drain() {
            int[] out = new int[size];
            for (int r = size - 1; r >= 0; r--) {
                out[r] = item(positions[0]);
                size--;
                positions[0] = positions[size];
                scores[0] = scores[size];
                siftDown();
            }
            return out;
        }

        private int item(int p) {
            return p < order.length ? order[p] : p;
        }

        /** Whether the entry at heap slot a ranks after the one at slot b. */
        private boolean worse(int a, int b) {
            return scores[a] < scores[b] || scores[a] == scores[b] && positions[a] > positions[b];
        }

        private void siftUp(int at) {
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!worse(at, parent)) {
                    return;
                }
                swap(at, parent);
                at = parent;
            }
        }

        private void siftDown() {
            int at = 0;
            while (true) {
                int l = 2 * at + 1;
                if (l >= size) {
                    return;
                }
                int w = l + 1 < size && worse(l + 1, l) ? l + 1 : l;
                if (!worse(w, at)) {
                    return;
                }
                swap(w, at);
                at = w;
            }
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
