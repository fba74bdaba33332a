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
     * best first} Same order as {@link #of(Map, int)}; allocates only the k-sized heap.
     */
    static int[] of(double[] scores, int k, java.util.function.IntPredicate eligible) {
        // a heap specialized to an array of scores: this runs over every item for each linear source, and the
        // comparison inlined costs a fraction of one made through an interface
        int[] heap = new int[Math.max(0, k)];
        int size = 0;
        for (int j = 0; j < scores.length && k > 0; j++) {
            if (!(scores[j] > 0) || size == k && !before(scores, j, heap[0]) || !eligible.test(j)) {
                continue;
            }
            if (size < k) {
                heap[size] = j;
                siftUp(scores, heap, size++);
            } else {
                heap[0] = j;
                siftDown(scores, heap, size);
            }
        }
        int[] out = new int[size];
        for (int r = size - 1; r >= 0; r--) {
            out[r] = heap[0];
            heap[0] = heap[--size];
            siftDown(scores, heap, size);
        }
        return out;
    }

    private static boolean before(double[] scores, int a, int b) {
        return scores[a] > scores[b] || scores[a] == scores[b] && a < b;
    }

    private static void siftUp(double[] scores, int[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(scores, heap[parent], heap[at])) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    private static void siftDown(double[] scores, int[] heap, int size) {
        int at = 0;
        while (true) {
            int l = 2 * at + 1;
            if (l >= size) {
                return;
            }
            int worst = l + 1 < size && before(scores, heap[l], heap[l + 1]) ? l + 1 : l;
            if (!before(scores, heap[at], heap[worst])) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[at];
            heap[at] = t;
            at = worst;
        }
    }

    /**
     * {@return up to k items with the highest positive {@code score} among those {@code eligible}
     * accepts, best first, ties going to the item visited first} Items are visited in {@code order}
     * (indexes below n, each once), then the indexes from {@code order.length} to n ascending. Visiting
     * in the tie-break order lets an item in only when it beats the worst kept score outright, so most
     * items cost one comparison and {@code eligible} is asked only of those that would enter.
     */
    static int[] bestInOrder(double[] score, int[] order, int n, int k, java.util.function.IntPredicate eligible) {
        int[] heap = new int[Math.max(0, k)]; // visit positions; the worst kept (lowest score, latest visit) at the root
        int size = 0;
        int[] at = new int[Math.max(0, k)]; // the item of each heap entry
        for (int p = 0; p < n && k > 0; p++) {
            int item = p < order.length ? order[p] : p;
            if (item >= n) {
                continue;
            }
            double s = score[item];
            if (!(s > 0) || size == k && !(s > score[at[0]]) || !eligible.test(item)) {
                continue;
            }
            if (size < k) {
                heap[size] = p;
                at[size] = item;
                int c = size++;
                while (c > 0) { // sift up: the worse entry goes toward the root
                    int parent = (c - 1) >>> 1;
                    if (!worse(score, at[c], heap[c], at[parent], heap[parent])) {
                        break;
                    }
                    swap(heap, at, c, parent);
                    c = parent;
                }
            } else {
                heap[0] = p;
                at[0] = item;
                siftDownVisited(score, heap, at, size);
            }
        }
        int[] out = new int[size];
        for (int r = size - 1; r >= 0; r--) {
            out[r] = at[0];
            heap[0] = heap[--size];
            at[0] = at[size];
            siftDownVisited(score, heap, at, size);
        }
        return out;
    }

    /** Whether item a (visited at pa) ranks after item b (visited at pb). */
    private static boolean worse(double[] score, int a, int pa, int b, int pb) {
        return score[a] < score[b] || score[a] == score[b] && pa > pb;
    }

    private static void siftDownVisited(double[] score, int[] heap, int[] at, int size) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                return;
            }
            int w = l + 1 < size && worse(score, at[l + 1], heap[l + 1], at[l], heap[l]) ? l + 1 : l;
            if (!worse(score, at[w], heap[w], at[c], heap[c])) {
                return;
            }
            swap(heap, at, c, w);
            c = w;
        }
    }

    private static void swap(int[] heap, int[] at, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
        t = at[a];
        at[a] = at[b];
        at[b] = t;
    }


    private static int worseFirst(Map.Entry<Integer, double[]> a, Map.Entry<Integer, double[]> b) {
        int c = Double.compare(a.getValue()[0], b.getValue()[0]);
        return c != 0 ? c : Integer.compare(b.getKey(), a.getKey());
    }
}
