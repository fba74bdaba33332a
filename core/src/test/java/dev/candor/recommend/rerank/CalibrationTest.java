package dev.candor.recommend.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private final List<List<String>> cats = List.of(List.of("a"), List.of("a"), List.of("a"), List.of("a"), List.of("b"), List.of("b"));

    @Test
    void lambdaZero_keepsRelevanceOrder_higherLambdaMatchesTheHistoryMix() {
        int[] candidates = {0, 1, 2, 3, 4, 5};
        double[] scores = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5};
        // history: half a, half b
        List<List<String>> history = List.of(List.of("a"), List.of("b"));
        assertThat(Calibration.rerank(candidates, scores, history, cats, 4, 0.0)).containsExactly(0, 1, 2, 3);
        int[] calibrated = Calibration.rerank(candidates, scores, history, cats, 4, 0.9);
        long bs = java.util.Arrays.stream(calibrated).filter(i -> i >= 4).count();
        assertThat(bs).isEqualTo(2);
    }

    @Test
    void kl_isZeroWhenTheListMatchesTheHistory() {
        var p = Calibration.distribution(List.of(List.of("a"), List.of("b")));
        assertThat(Calibration.kl(p, java.util.Map.of("a", 1.0, "b", 1.0), 2)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
