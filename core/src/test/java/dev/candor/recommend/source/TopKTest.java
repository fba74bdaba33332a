package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void of_arrayScores_sameOrderAsTheMapVersion_tiesToTheLowerIndex() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] scores = new double[500];
        Map<Integer, double[]> byMap = new HashMap<>();
        for (int j = 0; j < scores.length; j++) {
            scores[j] = rnd.nextInt(40) - 10; // many ties, some zero and negative
            if (j % 7 != 0) {
                byMap.put(j, new double[] {scores[j]});
            }
        }
        for (int k : new int[] {0, 1, 10, 100, 1000}) {
            int[] top = TopK.of(scores, k, j -> j % 7 != 0);
            List<Integer> expected = TopK.of(byMap, Math.max(k, 1)).stream().map(a -> a[0]).limit(k).toList();
            assertThat(top).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void of_asksEligibilityOnlyOfItemsThatWouldEnter() {
        double[] scores = {5, 4, 3, 2, 1};
        int[] asked = {0};
        assertThat(TopK.of(scores, 2, j -> {
            asked[0]++;
            return true;
        })).containsExactly(0, 1);
        assertThat(asked[0]).isEqualTo(2);
    }

    @Test
    void bestInOrder_isTheSortByScoreThenVisitOrder_ofEligiblePositiveScores() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int trial = 0; trial < 60; trial++) {
            boolean large = trial % 5 == 0; // a request's size: many selections of the kept buffer, long sorts
            int n = 1 + rnd.nextInt(large ? 10_000 : 300);
            double[] score = new double[n];
            for (int j = 0; j < n; j++) {
                score[j] = large && trial % 2 == 0 ? rnd.nextDouble(-0.2, 1) : rnd.nextInt(12) - 3; // many ties, some zero and negative
            }
            int ordered = rnd.nextInt(n + 1); // the order covers a prefix of the indexes; the rest come by index
            List<Integer> shuffled = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, ordered).boxed().toList());
            java.util.Collections.shuffle(shuffled, new java.util.Random(trial));
            int[] order = shuffled.stream().mapToInt(Integer::intValue).toArray();
            int[] visit = new int[n];
            for (int p = 0; p < n; p++) {
                visit[p < ordered ? order[p] : p] = p;
            }
            int k = rnd.nextInt(large ? 150 : 40);
            List<Integer> expected = java.util.stream.IntStream.range(0, n).boxed().filter(j -> score[j] > 0 && j % 5 != 0)
                    .sorted((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(visit[a], visit[b]))
                    .limit(k).toList();
            int[] asked = {0};
            int[] top = TopK.bestInOrder(score, order, n, k, j -> {
                asked[0]++;
                return j % 5 != 0;
            });
            assertThat(top).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
