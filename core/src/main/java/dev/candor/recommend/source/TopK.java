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
        int[] heap = new int[Math.max(0, k)]; // visit positions; the worst kept (lowest score, latest visit) at the root
        int size = 0;
        for (int p = 0, visits = Math.max(n, order.length); p < visits && k > 0; p++) {
            int item = visited(order, p);
            if (item >= n) {
                continue;
            }
            double s = score[item];
            if (!(s > 0) || size == k && !(s > score[visited(order, heap[0])]) || !eligible.test(item)) {
                continue;
            }
            if (size < k) {
                heap[size] = p;
                siftUp(score, order, heap, size++);
            } else {
                heap[0] = p;
                siftDown(score, order, heap, size);
            }
        }
        int[] out = new int[size];
        for (int r = size - 1; r >= 0; r--) {
            out[r] = visited(order, heap[0]);
            heap[0] = heap[--size];
            siftDown(score, order, heap, size);
        }
        return out;
    }

    /** {@return the item visited at position p} */
    private static int visited(int[] order, int p) {
        return p < order.length ? order[p] : p;
    }

    /** Whether the item visited at pa ranks after the one visited at pb. */
    private static boolean worse(double[] score, int[] order, int pa, int pb) {
        double a = score[visited(order, pa)];
        double b = score[visited(order, pb)];
        return a < b || a == b && pa > pb;
    }

    private static void siftUp(double[] score, int[] order, int[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!worse(score, order, heap[at], heap[parent])) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    private static void siftDown(double[] score, int[] order, int[] heap, int size) {
        int at = 0;
        while (true) {
            int l = 2 * at + 1;
            if (l >= size) {
                return;
            }
            int w = l + 1 < size && worse(score, order, heap[l + 1], heap[l]) ? l + 1 : l;
            if (!worse(score, order, heap[w], heap[at])) {
                return;
            }
            int t = heap[w];
            heap[w] = heap[at];
            heap[at] = t;
            at = w;
        }
    }

    private static int worseFirst(Map.Entry<Integer, double[]> a, Map.Entry<Integer, double[]> b) {
        int c = Double.compare(a.getValue()[0], b.getValue()[0]);
        return c != 0 ? c : Integer.compare(b.getKey(), a.getKey());
    }
}
