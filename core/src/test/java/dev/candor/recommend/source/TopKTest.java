package dev.candor.recommend.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void of_floatScores_sameOrderAsTheMapVersion_tiesToTheLowerIndex() {
        SplittableRandom rnd = new SplittableRandom(5);
        float[] scores = new float[500];
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
        float[] scores = {5, 4, 3, 2, 1};
        int[] asked = {0};
        assertThat(TopK.of(scores, 2, j -> {
            asked[0]++;
            return true;
        })).containsExactly(0, 1);
        assertThat(asked[0]).isEqualTo(2);
    }
}
