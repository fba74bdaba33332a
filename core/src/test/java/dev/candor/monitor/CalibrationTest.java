package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void distribution_multiCategoryItem_splitsItsWeight() {
        // weights 1 and 2; second item in two categories → action 1 + 1 = 2, drama 1; total 3
        Map<String, Double> p = Calibration.distribution(List.of(List.of("action"), List.of("action", "drama")),
                new double[] {1, 2});
        assertThat(p.get("action")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(p.get("drama")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void kl_listMissingACategory_handComputed() {
        // p = {action .5, drama .5}, q = {action 1}; α = .01: q̃ = {.995, .005}
        // KL = .5 ln(.5/.995) + .5 ln(.5/.005) = -0.3440673 + 2.3025851 = 1.9585178
        double kl = Calibration.kl(Map.of("action", 0.5, "drama", 0.5), Map.of("action", 1.0));
        assertThat(kl).isCloseTo(0.5 * Math.log(0.5 / 0.995) + 0.5 * Math.log(100), within(1e-12));
        assertThat(kl).isCloseTo(1.9585178, within(1e-7));
    }

    @Test
    void kl_identicalDistributions_isZero_andNarrowerListScoresWorse() {
        Map<String, Double> p = Map.of("a", 0.7, "b", 0.3);
        assertThat(Calibration.kl(p, p)).isCloseTo(0, within(1e-12));
        assertThat(Calibration.kl(p, Map.of("a", 0.9, "b", 0.1))).isGreaterThan(Calibration.kl(p, Map.of("a", 0.75, "b", 0.25)));
    }

    @Test
    void kl_invalidAlpha_throws() {
        assertThatThrownBy(() -> Calibration.kl(Map.of(), Map.of(), 0)).hasMessage("alpha must be in (0, 1]. Provided value: 0.0");
    }
}
