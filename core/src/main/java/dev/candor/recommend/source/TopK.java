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

    private static int worseFirst(Map.Entry<Integer, double[]> a, Map.Entry<Integer, double[]> b) {
        int c = Double.compare(a.getValue()[0], b.getValue()[0]);
        return c != 0 ? c : Integer.compare(b.getKey(), a.getKey());
    }
}
