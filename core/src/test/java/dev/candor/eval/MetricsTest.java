package dev.candor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric values computed by hand. */
class MetricsTest {
    private final int[] ranking = {7, 3, 9, 1, 4};
    private final int[] targets = {1, 3, 8};

    @Test
    void recall_dividesByTheSmallerOfKAndTargets() {
        assertThat(Metrics.recall(ranking, targets, 2)).isEqualTo(0.5);          // hit 3 in top 2: 1 / min(2, 3)
        assertThat(Metrics.recall(ranking, targets, 5)).isEqualTo(2.0 / 3);      // hits 3, 1: 2 / 3
    }

    @Test
    void ndcg_usesBinaryGainAndTruncatedIdeal() {
        double dcg = 1 / log2(3) + 1 / log2(5);            // ranks 2 and 4
        double idcg = 1 / log2(2) + 1 / log2(3) + 1 / log2(4);
        assertThat(Metrics.ndcg(ranking, targets, 5)).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(Metrics.ndcg(ranking, targets, 1)).isZero();
        assertThat(Metrics.ndcg(new int[] {1, 3, 8}, targets, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void diversityNoveltyAndCalibration() {
        List<List<String>> cats = List.of(List.of("a"), List.of("a", "b"), List.of("b"));
        // pairs: (0,1) 1 − 1/2, (0,2) 1, (1,2) 1 − 1/2 → mean 2/3
        assertThat(Metrics.intraListDiversity(new int[] {0, 1, 2}, 3, cats)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Metrics.novelty(new int[] {0, 1}, 2, new int[] {5, 10}, 10)).isCloseTo((1 + 0) / 2.0, within(1e-12));
        // history all "a"; list [2] all "b": KL(p || 0.99 q + 0.01 p) = log(1 / 0.01)
        assertThat(Metrics.miscalibration(new int[] {0}, new int[] {2}, 1, cats)).isCloseTo(Math.log(100), within(1e-9));
        assertThat(Metrics.miscalibration(new int[] {0}, new int[] {0}, 1, cats)).isCloseTo(0, within(1e-12));
    }

    @Test
    void topK_ordersByScoreThenIndex_andSkipsExcluded() {
        float[] s = {0.5f, Float.NEGATIVE_INFINITY, 0.9f, 0.5f, 0.1f};
        assertThat(Evaluator.top(s, 3)).containsExactly(2, 0, 3);
        assertThat(Evaluator.top(s, 10)).containsExactly(2, 0, 3, 4);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
